using Akka.Actor;
using Akka.Cluster;
using Orchestrator.Host.Api.OpenApi;

namespace Orchestrator.Host.Api.Operations;

/// <summary>
/// <c>GET /cluster/members</c> (a management route): the cluster as this node sees it, so an operator (or the
/// multi-process tests) can tell one cluster from two and find the oldest member, where the singletons run.
/// </summary>
internal static class ClusterMembersEndpoint
{
    public static RouteGroupBuilder MapClusterMembers(this RouteGroupBuilder management)
    {
        management.MapGet("/cluster/members", Read)
            .WithTags("Operations")
            .Describe("List cluster members", "This node's view of the cluster: itself, the leader, the oldest Up member (where the singletons run) and every member with its status and whether it is unreachable.")
            .Produces<ClusterView>();
        return management;
    }

    /// <summary>The cluster as this node sees it now (the operations console shows it too).</summary>
    public static ClusterView Read(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        var state = cluster.State;
        var up = state.Members.Where(m => m.Status == MemberStatus.Up).ToList();
        var oldest = up.Count == 0 ? null : up.Aggregate((a, b) => a.IsOlderThan(b) ? a : b);
        return new ClusterView(
            cluster.SelfAddress.ToString(),
            cluster.SelfUniqueAddress.Uid,
            cluster.SelfMember.Status.ToString(),
            state.Leader?.ToString(),
            oldest?.Address.ToString(),
            [.. state.Members.Select(m => new MemberView(m.Address.ToString(), m.UniqueAddress.Uid, m.Status.ToString(), state.Unreachable.Contains(m)))]);
    }

    /// <summary>A uid tells a restarted node (same address) from its earlier incarnation.</summary>
    public sealed record ClusterView(string Self, long SelfUid, string SelfStatus, string? Leader, string? Oldest, IReadOnlyList<MemberView> Members);

    public sealed record MemberView(string Address, long Uid, string Status, bool Unreachable);
}
