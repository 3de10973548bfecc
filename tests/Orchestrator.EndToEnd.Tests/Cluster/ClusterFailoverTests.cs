using Xunit.Abstractions;

namespace Orchestrator.EndToEnd.Tests.Cluster;

/// <summary>The cluster's processes need the machine to themselves: a loaded CPU makes failure detection see failures that are not there.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}

/// <summary>
/// Three real nodes under push and platform-message load lose a node (SIGKILL, not the oldest and then the oldest),
/// are restarted one by one (SIGTERM), and see their first seed restarted (with the others running, then with the
/// second seed gone): every conversation answers again through
/// the nodes left, no acknowledged push is lost or kept twice, every accepted message reaches Udesk exactly once,
/// Udesk's limits hold, no call stays pending, and there is never more than one cluster. Each scenario prints its row
/// of BENCHMARKS.md's failover table.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(ClusterHarness cluster, ITestOutputHelper output) : IClassFixture<ClusterHarness>
{
    [SkippableFact]
    public async Task A_node_that_is_not_the_oldest_is_killed()
    {
        await using var run = await FailoverRun.StartAsync(cluster, "kill-younger");
        var oldest = await cluster.Oldest();
        var victim = cluster.Nodes.First(n => n != oldest);
        await Kill(run, victim, "");
        Report(await run.FinishAsync());
    }

    [SkippableFact]
    public async Task The_oldest_node_home_of_the_singletons_is_killed_with_the_budget_window_full()
    {
        await using var run = await FailoverRun.StartAsync(cluster, "kill-oldest");
        var oldest = await cluster.Oldest();
        await run.FillBudgetWindow();
        await Kill(run, oldest, " (the oldest)");
        Report(await run.FinishAsync());
    }

    [SkippableFact]
    public async Task Every_node_is_restarted_in_turn()
    {
        await using var run = await FailoverRun.StartAsync(cluster, "rolling");
        foreach (var node in cluster.Nodes.Reverse())
        {
            // As a StatefulSet rolls: highest ordinal first, the next only once this one is ready again.
            await run.Disrupt(node, "SIGTERM", async () => $" (exited after {(await cluster.Terminate(node)).TotalSeconds:F1} s)");
            var ready = await cluster.Start(node);
            run.Note($"{node} ready {ready.TotalSeconds:F1} s after its start");
        }

        Report(await run.FinishAsync());
    }

    [SkippableFact]
    public async Task The_first_seed_restarted_joins_the_running_cluster_even_with_the_second_seed_gone()
    {
        await using var run = await FailoverRun.StartAsync(cluster, "first-seed");
        var (first, second, third) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        try
        {
            await RestartAtOnce(run, first, "the first seed, the others running");
            if (!await Eventually.LastRead(cluster.OneCluster, one => one, TimeSpan.FromSeconds(60)))
            {
                run.Problem("the three nodes were not one cluster 60 s after the first seed was ready again");
            }

            // The second seed goes and is downed by the two left (a majority), as when its pod is lost for good; then
            // the first seed restarts and only the third node can answer it: it must join that one, never form a
            // cluster of its own (as it did while only nodes 0 and 1 were seed nodes).
            var secondSeed = await second.Members();
            await Kill(run, second, " (the second seed)");
            await cluster.Removed(secondSeed!, TimeSpan.FromSeconds(90));
            await RestartAtOnce(run, first, "the first seed, the second one gone");
            if (!await Eventually.LastRead(async () => third.Process.Alive && await cluster.OneCluster(), one => one, TimeSpan.FromSeconds(60)))
            {
                run.Problem($"{first} and {third} were not one cluster 60 s after {first} was ready again");
            }

            Report(await run.FinishAsync());
        }
        finally
        {
            if (!await cluster.OneCluster())
            {
                // Two clusters: the next scenario starts from none.
                await cluster.KillAll();
            }
        }
    }

    /// <summary>SIGKILL and a start straight away, as a crashed pod's container is restarted.</summary>
    private Task RestartAtOnce(FailoverRun run, ClusterNode node, string which) => run.Disrupt(node, "SIGKILL and at once a start of", async () =>
    {
        await cluster.Kill(node);
        return $" ({which}; ready again after {(await cluster.Start(node)).TotalSeconds:F1} s)";
    });

    private Task Kill(FailoverRun run, ClusterNode node, string detail) => run.Disrupt(node, "SIGKILL", async () =>
    {
        await cluster.Kill(node);
        return detail;
    });

    private void Report(FailoverFigures figures)
    {
        output.WriteLine("| scenario | time to answer again | lost | duplicated | violations | stuck | two-cluster rounds |");
        output.WriteLine(figures.Row);
        foreach (var note in figures.Notes)
        {
            output.WriteLine("  " + note);
        }

        Assert.True(figures.Failures.Count == 0, string.Join('\n', figures.Failures));
    }
}
