using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Host.Operations;

/// <summary>
/// Ready on local facts only: this node is an Up cluster member, its shard region has started, the journal's
/// database answers a trivial query, and the service is not stopping. Nothing here asks another node, so losing one
/// node never turns the others unready.
/// </summary>
internal sealed class ReadinessCheck(
    ActorSystem system, ActorRegistry registry, ConversationStoreOptions store, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public const string Tag = "ready";

    /// <summary>Bound of one check (the journal ping), well below the readiness probe's time-out.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("This node is shutting down.");
        }

        var status = Cluster.Get(system).SelfMember.Status;
        if (status != MemberStatus.Up)
        {
            return HealthCheckResult.Unhealthy($"This node is {status}, not Up in the cluster.");
        }

        if (!registry.TryGet<ConversationRegion>(out _))
        {
            return HealthCheckResult.Unhealthy("The conversation shard region has not started.");
        }

        try
        {
            await StoreConnections.PingAsync(store, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The journal's database did not answer.", e);
        }
    }
}
