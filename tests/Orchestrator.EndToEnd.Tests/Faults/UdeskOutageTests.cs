using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;

namespace Orchestrator.EndToEnd.Tests.Faults;

/// <summary>
/// Customers keep writing while Udesk's Open API is down (every call 503) for <see cref="Outage"/> (60 s: many retry
/// rounds, the circuit breaker opening and closing, nothing given up on by time), then fails 30 % of calls
/// (before and after doing the work, as errors and as time-outs) while the service restarts: every accepted message
/// reaches Udesk exactly once, in the order sent, and the budget holds.
/// </summary>
public sealed class UdeskOutageTests(FaultJourney journey, ITestOutputHelper output) : IClassFixture<FaultJourney>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OutagePace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FlakyHalf = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(500);
    private static readonly (string Token, long Agent)[] Customers = [("outage-a", 397), ("outage-b", 398), ("outage-c", 399)];

    [Fact]
    public async Task Messages_accepted_through_an_outage_a_flaky_Udesk_and_a_restart_reach_Udesk_once_in_order()
    {
        var sessions = new Dictionary<string, long>();
        foreach (var (token, agent) in Customers)
        {
            sessions[token] = (await journey.AgentConversation(token, agent)).Session;
        }

        var accepted = Customers.ToDictionary(c => c.Token, _ => new List<string>());
        var notAccepted = new List<string>();
        try
        {
            await journey.Simulator.SetFaults(new JsonObject { ["api_error_rate"] = 1.0, ["api_error_status"] = 503 });
            await SendFor(Outage, OutagePace, "down", accepted, notAccepted);
            await journey.Simulator.SetFaults(new JsonObject
            {
                ["api_error_rate"] = 0.08,
                ["api_timeout_rate"] = 0.07,
                ["api_error_after_handling_rate"] = 0.08,
                ["api_timeout_after_handling_rate"] = 0.07,
                ["api_timeout_delay"] = "00:00:00.300",
            });
            await SendFor(FlakyHalf, Pace, "flaky1", accepted, notAccepted);
            await journey.Restart();
            await SendFor(FlakyHalf, Pace, "flaky2", accepted, notAccepted);
        }
        finally
        {
            await journey.Simulator.SetFaults(new JsonObject
            {
                ["api_error_rate"] = 0.0, ["api_timeout_rate"] = 0.0, ["api_error_after_handling_rate"] = 0.0, ["api_timeout_after_handling_rate"] = 0.0,
            });
        }

        foreach (var (token, _) in Customers)
        {
            await Eventually.Until(journey.Customer(token).State, s => s!["pending_udesk_calls"]!.GetValue<int>() == 0, $"{token}: the outbox drained", TimeSpan.FromSeconds(60));
        }

        var effects = journey.Udesk.Effects;
        var calls = (await journey.Simulator.Calls()).GroupBy(c => Str(c!.AsObject(), "outcome") ?? "?").ToDictionary(g => g.Key, g => g.Count());
        var failures = new List<string>();
        foreach (var (token, _) in Customers)
        {
            var stored = effects.GetValueOrDefault(token)?.CustomerMessages ?? new Dictionary<string, int>();
            failures.AddRange(accepted[token].Where(id => stored.GetValueOrDefault(id) != 1).Select(id => $"{token}: {id} stored by Udesk {stored.GetValueOrDefault(id)} times"));
            var order = Ids(await journey.Simulator.Session(sessions[token]), "customer_message_ids");
            if (!order.SequenceEqual(accepted[token]))
            {
                failures.Add($"{token}: Udesk has [{string.Join(", ", order)}], sent [{string.Join(", ", accepted[token])}]");
            }

            var feed = await FeedAudit.ReadAll(journey.Customer(token));
            var delivered = feed.Where(e => Str(e, "type") == "customer_message_delivered").GroupBy(e => Str(e, "message_id")!).ToDictionary(g => g.Key, g => g.Count());
            failures.AddRange(accepted[token].Where(id => delivered.GetValueOrDefault(id) != 1).Select(id => $"{token}: {id} delivered {delivered.GetValueOrDefault(id)} times in the feed"));
        }

        output.WriteLine($"accepted {accepted.Sum(a => a.Value.Count)} ({string.Join(", ", accepted.Select(a => $"{a.Key} {a.Value.Count}"))}), not accepted {notAccepted.Count}");
        output.WriteLine("Udesk calls by outcome: " + string.Join(", ", calls.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
        Assert.Empty(notAccepted);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(calls.GetValueOrDefault("fault_error") > 0 && calls.GetValueOrDefault("fault_timeout_after_handling") > 0, "the faults were met");
        await AssertNoViolations(journey);
    }

    /// <summary>Each customer sends a message every <paramref name="pace"/> for <paramref name="period"/>, one at a time.</summary>
    private Task SendFor(TimeSpan period, TimeSpan pace, string phase, Dictionary<string, List<string>> accepted, List<string> notAccepted) =>
        Task.WhenAll(Customers.Select(async c =>
        {
            var customer = journey.Customer(c.Token);
            using var timer = new PeriodicTimer(pace);
            var until = DateTimeOffset.UtcNow + period;
            for (var n = 1; DateTimeOffset.UtcNow < until; n++)
            {
                var id = $"{c.Token}-{phase}-{n}";
                using var response = await customer.SendMessage(id, $"{phase} {n}");
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted[c.Token].Add(id);
                }
                else
                {
                    var refusal = $"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    lock (notAccepted)
                    {
                        notAccepted.Add(refusal);
                    }
                }

                await timer.WaitForNextTickAsync();
            }
        }));
}
