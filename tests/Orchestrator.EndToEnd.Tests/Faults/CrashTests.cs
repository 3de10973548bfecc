using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;
using Xunit.Abstractions;

namespace Orchestrator.EndToEnd.Tests.Faults;

/// <summary>
/// The service as a real process under push load, SIGKILLed at seeded random moments three times and restarted on the
/// same journal: every push it answered 200 is in its conversation's feed exactly once, seqs without a gap.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Seed = 20261128;
    private const int Cycles = 3;
    private static readonly string[] Tokens = ["crash-a", "crash-b", "crash-c"];

    [Fact]
    public async Task Pushes_acknowledged_before_a_SIGKILL_are_in_the_feed_exactly_once_after_each_restart()
    {
        await using var udesk = await UdeskSimulatorServer.StartAsync(new SimulatorOptions { Seed = Seed });
        await using var child = new ChildOrchestrator(udesk);
        try
        {
            output.WriteLine($"first start: ready after {(await child.StartAsync()).TotalSeconds:F2} s");
            var random = new Random(Seed);

            // Six senders on three conversations: two pushes in flight per conversation at once.
            var load = new PushLoad(() => child.PushUrl, Tokens, senders: 6, prefix: "crash");
            using var stop = new CancellationTokenSource();
            var running = load.Run(stop.Token);
            for (var cycle = 1; cycle <= Cycles; cycle++)
            {
                // The random moment: after a seeded number of further acknowledgements.
                var killAt = load.Acknowledged + random.Next(20, 200);
                await Eventually.Until(() => Task.FromResult(load.Acknowledged), n => n >= killAt, $"{killAt} pushes acknowledged", TimeSpan.FromSeconds(60));
                var acknowledgedAtKill = load.Acknowledged;
                await child.Kill();
                var recovery = await child.StartAsync();
                output.WriteLine($"cycle {cycle}: SIGKILL after {acknowledgedAtKill} acknowledged; ready again after {recovery.TotalSeconds:F2} s");
            }

            var end = load.Acknowledged + 50;
            await Eventually.Until(() => Task.FromResult(load.Acknowledged), n => n >= end, "load carrying on after the last restart", TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            await running;

            var failures = new List<string>();
            var duplicates = 0;
            foreach (var token in Tokens)
            {
                var feed = await FeedAudit.ReadAll(new PlatformApi(child.Http, token));
                duplicates += FeedAudit.Duplicates(feed);
                failures.AddRange(FeedAudit.ExactlyOnce(token, feed, load.AcknowledgedFor(token)));
            }

            output.WriteLine($"pushes acknowledged {load.Acknowledged}; answers by status (0 = none, connection lost): {string.Join(", ", load.Answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"))}; duplicated {duplicates}");
            Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n--- child output ---\n" + child.Output);
            Assert.True(child.Alive, "the service is still running");
        }
        finally
        {
            await child.Kill();
        }
    }
}
