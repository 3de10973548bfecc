using System.Collections.Concurrent;
using Orchestrator.EndToEnd.Tests.Support;

namespace Orchestrator.EndToEnd.Tests.Cluster;

/// <summary>
/// Reads every running node's view of the cluster, round after round, and counts the rounds that show two clusters:
/// two Up nodes neither of which lists the other (the same address with another uid is another incarnation). The
/// rounds are kept, timed by the run's clock, for the timeline of a node's loss.
/// </summary>
public sealed class MembershipWatch(ClusterHarness cluster, Func<TimeSpan> now)
{
    private readonly ConcurrentQueue<(TimeSpan At, IReadOnlyList<ClusterView> Views)> rounds = new();
    private int split;
    private string? example;

    public int Rounds => rounds.Count;

    /// <summary>Rounds in which two clusters were seen.</summary>
    public int SplitRounds => Volatile.Read(ref split);

    /// <summary>The first such round's views, for the failure message.</summary>
    public string? Example => example;

    public async Task Run(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(300));
        do
        {
            var at = now();
            var views = (await Task.WhenAll(cluster.Nodes.Where(n => n.Process.Alive).Select(n => n.Members())))
                .OfType<ClusterView>().Where(v => v.SelfStatus == "Up").ToList();
            var apart = views.SelectMany(x => views.Where(y => x != y && !x.Lists(y) && !y.Lists(x)).Select(y => (x, y))).FirstOrDefault();
            if (apart != default)
            {
                Interlocked.Increment(ref split);
                Interlocked.CompareExchange(ref example, $"{apart.x} and {apart.y}", null);
            }

            rounds.Enqueue((at, views));
        }
        while (await timer.NextTickOrStop(stop));
    }

    /// <summary>
    /// After <paramref name="moment"/>, when the other nodes first saw <paramref name="lost"/> (that incarnation)
    /// unreachable, when none listed it any more, and (when it was the oldest) when the oldest Up member was another node.
    /// </summary>
    public string Timeline(ClusterView lost, TimeSpan moment)
    {
        var after = rounds.Where(r => r.At >= moment)
            .Select(r => (r.At, Others: r.Views.Where(v => (v.Self, v.SelfUid) != (lost.Self, lost.SelfUid)).ToList()))
            .Where(r => r.Others.Count > 0)
            .ToList();
        string First(Func<IReadOnlyList<ClusterView>, bool> holds, string what) =>
            after.FirstOrDefault(r => holds(r.Others)) is { Others: not null } found ? $"{what} +{(found.At - moment).TotalSeconds:F1} s" : $"{what} not seen";
        bool Listed(ClusterView v, bool unreachable) => v.Members.Any(m => (m.Address, m.Uid) == (lost.Self, lost.SelfUid) && (!unreachable || m.Unreachable));
        var timeline = $"{First(others => others.Any(v => Listed(v, unreachable: true)), "unreachable")}, {First(others => others.All(v => !Listed(v, unreachable: false)), "removed")}";
        return lost.Oldest == lost.Self ? $"{timeline}, {First(others => others.All(v => v.Oldest is not null && v.Oldest != lost.Self), "oldest elsewhere")}" : timeline;
    }
}
