using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Host.Conversations;

namespace Orchestrator.Host.Operations;

/// <summary>
/// Ready when this node is an Up cluster member, the shard region has started, and a probe conversation can be
/// read back through it (which reads the journal).
/// </summary>
internal sealed class ReadinessCheck(ActorSystem system, ActorRegistry registry, ConversationClient conversations) : IHealthCheck
{
    public const string Tag = "ready";
    private static readonly ConversationId Probe = new("_orchestrator", "readiness-probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Cluster.Get(system).SelfMember.Status != MemberStatus.Up)
        {
            return HealthCheckResult.Unhealthy($"This node is {Cluster.Get(system).SelfMember.Status}, not Up in the cluster.");
        }

        if (!registry.TryGet<ConversationRegion>(out _))
        {
            return HealthCheckResult.Unhealthy("The conversation shard region has not started.");
        }

        return await conversations.StateOf(Probe, cancellationToken) is null
            ? HealthCheckResult.Unhealthy("A conversation could not be recovered from the journal in time.")
            : HealthCheckResult.Healthy();
    }
}
