using System.Collections.Concurrent;
using Orchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Orchestrator.EndToEnd.Tests.Faults;

/// <summary>
/// 30 % of Udesk's pushes come again 1–3 times: at the same moment as the first, later, and after a service restart.
/// Every message is in its conversation's feed once, and every push answered 200 is there.
/// </summary>
public sealed class DuplicateStormTests(FaultJourney journey, ITestOutputHelper output) : IClassFixture<FaultJourney>
{
    private const int Seed = 20261129;
    private const int PushesPerPhase = 120;
    private const int InFlight = 8;
    private static readonly string[] Tokens = ["storm-a", "storm-b", "storm-c", "storm-d"];

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> acknowledged = new();
    private readonly ConcurrentDictionary<int, int> answers = new();

    [Fact]
    public async Task Pushes_redelivered_at_once_later_and_across_a_restart_are_recorded_once()
    {
        var random = new Random(Seed);
        var afterRestart = new List<Push>();
        var redeliveries = 0;
        for (var phase = 0; phase < 2; phase++)
        {
            var laterInPhase = new List<Push>();
            for (var first = 0; first < PushesPerPhase; first += InFlight)
            {
                var together = new List<Push>();
                for (var i = first; i < first + InFlight; i++)
                {
                    var token = Tokens[random.Next(Tokens.Length)];
                    var id = $"storm-{phase}-{i}";
                    var push = new Push(token, id, AgentPushes.Body(token, id));
                    together.Add(push);
                    var copies = random.NextDouble() < 0.3 ? random.Next(1, 4) : 0;
                    redeliveries += copies;
                    for (var c = 0; c < copies; c++)
                    {
                        // At once (racing the first), later in this phase, or after the restart.
                        (random.Next(3) switch { 0 => together, 1 => laterInPhase, _ => phase == 0 ? afterRestart : laterInPhase }).Add(push);
                    }
                }

                await Task.WhenAll(together.Select(Deliver));
            }

            await Task.WhenAll(laterInPhase.Select(Deliver));
            if (phase == 0)
            {
                await journey.Restart();
                await Task.WhenAll(afterRestart.Select(Deliver));
            }
        }

        var failures = new List<string>();
        var duplicates = 0;
        foreach (var token in Tokens)
        {
            var feed = await FeedAudit.ReadAll(journey.Customer(token));
            duplicates += FeedAudit.Duplicates(feed);
            failures.AddRange(FeedAudit.ExactlyOnce(token, feed, acknowledged.GetValueOrDefault(token)?.ToList() ?? []));
        }

        var distinctAcknowledged = acknowledged.Sum(a => a.Value.Distinct().Count());
        output.WriteLine($"{2 * PushesPerPhase} pushes, {redeliveries} redeliveries ({afterRestart.Count} after the restart); answers: {string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"))}; " +
            $"distinct acknowledged {distinctAcknowledged}; duplicated in the feed {duplicates}");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(0, answers.Where(a => a.Key is 0 or >= 500).Sum(a => a.Value));
        Assert.Equal(2 * PushesPerPhase, distinctAcknowledged);
    }

    private async Task Deliver(Push push)
    {
        var status = await AgentPushes.Post(journey.Orchestrator.PushUrl, push.Body);
        answers.AddOrUpdate(status, 1, (_, c) => c + 1);
        if (status == 200)
        {
            acknowledged.GetOrAdd(push.Token, _ => new ConcurrentQueue<string>()).Enqueue(push.Id);
        }
    }

    private sealed record Push(string Token, string Id, string Body);
}
