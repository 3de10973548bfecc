using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orchestrator.Host.Operations;

/// <summary>
/// Started once this node got past joining the cluster: joining may wait for the formation lease to expire after a
/// whole-cluster outage, which the startup probe must allow for and the liveness probe must not punish. (Kubernetes
/// stops asking after the first success, so a node that later leaves does not matter here.)
/// </summary>
internal sealed class StartupCheck(ActorSystem system) : IHealthCheck
{
    public const string Tag = "startup";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = Cluster.Get(system).SelfMember.Status;
        return Task.FromResult(status is MemberStatus.Joining or MemberStatus.Removed
            ? HealthCheckResult.Unhealthy($"This node has not joined the cluster yet ({status}).")
            : HealthCheckResult.Healthy());
    }
}
