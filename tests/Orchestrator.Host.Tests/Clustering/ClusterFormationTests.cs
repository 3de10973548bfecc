using Akka.Cluster;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conversations.Tests.Persistence;
using Orchestrator.Host.Clustering;

namespace Orchestrator.Host.Tests.Clustering;

/// <summary>
/// Formation with real actor systems on loopback over a real store: nodes that start together make one cluster, and a
/// node that cannot reach its peers never forms a second cluster while the first renews the formation lease.
/// </summary>
public sealed class ClusterFormationTests
{
    public static TheoryData<string> Stores() => TestStores.All();

    private static string NewSystemName() => $"formation-{Guid.NewGuid():N}";

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Nodes_that_start_together_form_exactly_one_cluster(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        var system = NewSystemName();
        int[] ports = [FormationNode.FreePort(), FormationNode.FreePort(), FormationNode.FreePort()];

        var nodes = await Task.WhenAll(ports.Select(port => FormationNode.StartAsync(system, port, ports, store, TimeProvider.System)));
        try
        {
            foreach (var node in nodes)
            {
                await Eventually.True(() => node.UpMembers == 3, $"node {node.Port} sees all three nodes Up in its cluster");
            }
        }
        finally
        {
            await Task.WhenAll(nodes.Select(node => node.DisposeAsync().AsTask()));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task A_node_that_cannot_reach_its_peers_waits_while_the_lease_is_renewed_and_forms_only_once_it_expired(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        var system = NewSystemName();
        var alivePort = FormationNode.FreePort();
        await using var alive = await FormationNode.StartAsync(system, alivePort, [alivePort], store, TimeProvider.System);
        await Eventually.True(() => alive.UpMembers == 1, "the first node formed a cluster");

        // A restarted node whose only other seed is an address nobody listens at (its peers unreachable), with a
        // clock the test moves.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var port = FormationNode.FreePort();
        await using var restarted = await FormationNode.StartAsync(system, port, [port, FormationNode.FreePort()], store, clock);

        // The lease is fresh: it defers, every time, and never forms; 30 checks of 200 ms outlast Akka's
        // seed-node-timeout (5 s), after which a node listed first among its seeds would join itself.
        for (var check = 0; check < 30; check++)
        {
            Assert.Equal(new FormationChecked(FormationStep.Deferred, alive.Cluster.SelfAddress.ToString()), await restarted.NextCheckAsync());
            Assert.Equal(MemberStatus.Removed, restarted.Cluster.SelfMember.Status);
        }

        Assert.Equal(1, alive.UpMembers);
        await alive.DisposeAsync();

        // Nobody renews any more: once the lease has expired by its clock, the node claims it and forms the cluster.
        var lease = await new FormationLease(store, system).ReadAsync(CancellationToken.None);
        Assert.NotNull(lease);
        clock.SetUtcNow(lease.RenewedAt + FormationNode.LeaseTtl + TimeSpan.FromMilliseconds(1));
        await Eventually.True(() => restarted.UpMembers == 1, "the restarted node formed a cluster of its own after the lease expired");
        FormationChecked last;
        do
        {
            last = await restarted.NextCheckAsync();
        }
        while (last.Step != FormationStep.Renewed);
        Assert.Equal(restarted.Cluster.SelfAddress.ToString(), last.Holder);
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Of_nodes_claiming_an_expired_lease_at_once_exactly_one_wins(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        var lease = new FormationLease(store, NewSystemName());
        var now = TimeProvider.System.GetUtcNow();
        Assert.Null(await lease.ReadAsync(CancellationToken.None));

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            new FormationLease(store, lease.ClusterName).TryClaimAsync($"node-{i}", now, now - FormationNode.LeaseTtl, CancellationToken.None)));

        Assert.Equal(1, claims.Count(won => won));
        var holder = await lease.ReadAsync(CancellationToken.None);
        Assert.Equal($"node-{Array.IndexOf(claims, true)}", holder?.Address);
        Assert.False(await lease.TryClaimAsync("late", now, now - FormationNode.LeaseTtl, CancellationToken.None));
    }
}
