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
/// are restarted one by one (SIGTERM), and see their first seed restarted (with the others running, and with the second
/// seed gone): every conversation answers again through
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
        await run.Disrupt(victim, "SIGKILL", async () =>
        {
            await cluster.Kill(victim);
            return "";
        });
        Report(await run.FinishAsync());
    }

    [SkippableFact]
    public async Task The_oldest_node_home_of_the_singletons_is_killed_with_the_budget_window_full()
    {
        await using var run = await FailoverRun.StartAsync(cluster, "kill-oldest");
        var oldest = await cluster.Oldest();
        await run.FillBudgetWindow();
        await run.Disrupt(oldest, "SIGKILL", async () =>
        {
            await cluster.Kill(oldest);
            return " (the oldest)";
        });
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
    public async Task The_first_seed_restarted_while_the_others_run_joins_their_cluster()
    {
        await using var run = await FailoverRun.StartAsync(cluster, "first-seed");
        var firstSeed = cluster.Nodes[0];
        await run.Disrupt(firstSeed, "SIGKILL and at once a start of", async () =>
        {
            await cluster.Kill(firstSeed);
            return $" (the first seed; ready again after {(await cluster.Start(firstSeed)).TotalSeconds:F1} s)";
        });
        if (!await Eventually.LastRead(cluster.OneCluster, one => one, TimeSpan.FromSeconds(60)))
        {
            run.Problem("the three nodes were not one cluster 60 s after the first seed was ready");
        }

        Report(await run.FinishAsync());
    }

    [SkippableFact]
    public async Task The_first_seed_restarted_while_the_second_seed_is_down_joins_the_node_still_running()
    {
        await using var run = await FailoverRun.StartAsync(cluster, "first-seed-alone");
        var (first, second, third) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        try
        {
            // The second seed goes and is downed by the two left (a majority), as when its pod is lost for good.
            var secondSeed = await second.Members();
            await run.Disrupt(second, "SIGKILL", async () =>
            {
                await cluster.Kill(second);
                return " (the second seed)";
            });
            await cluster.Removed(secondSeed!, TimeSpan.FromSeconds(90));

            // Now the first seed restarts and finds no seed node to answer: it must join the node still running.
            await run.Disrupt(first, "SIGKILL and at once a start of", async () =>
            {
                await cluster.Kill(first);
                return $" (the first seed, the second one down; ready again after {(await cluster.Start(first)).TotalSeconds:F1} s)";
            });
            if (!await Eventually.LastRead(async () => third.Process.Alive && await cluster.OneCluster(), one => one, TimeSpan.FromSeconds(60)))
            {
                run.Problem($"{first} and {third} were not one cluster 60 s after {first} was ready");
            }

            Report(await run.FinishAsync());
        }
        finally
        {
            if (!await cluster.OneCluster())
            {
                await cluster.KillAll();
            }
        }
    }

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
