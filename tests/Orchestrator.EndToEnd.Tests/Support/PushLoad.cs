using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>Udesk's agent pushes as the test sends them by hand, and their answers counted by status.</summary>
public static class AgentPushes
{
    public static readonly HttpClient Anonymous = new() { Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>One agent text message for <paramref name="token"/>, in the spec's shape.</summary>
    public static string Body(string token, string messageId, long session = 1, string content = "pushed by the test") => new JsonObject
    {
        ["customer_token"] = token,
        ["assign_type"] = "agent",
        ["messages"] = new JsonArray(new JsonObject
        {
            ["type"] = "message",
            ["message_id"] = messageId,
            ["im_sub_session_id"] = session,
            ["agent_id"] = 398,
            ["data"] = new JsonObject { ["content"] = content },
            ["created_at"] = "2026-11-28 12:00:00",
        }),
    }.ToJsonString();

    /// <summary>The HTTP status, or 0 when no answer came (connection refused or reset, time-out).</summary>
    public static async Task<int> Post(Uri pushUrl, string body)
    {
        try
        {
            using var response = await Anonymous.PostAsync(pushUrl, new StringContent(body, Encoding.UTF8, "application/json"));
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}

/// <summary>
/// Concurrent senders, each pushing agent messages with fresh message ids to one of <c>tokens</c>, as Udesk does:
/// an unanswered or refused push is sent again (same body) until answered 200. Stopping lets each sender finish the
/// push it holds. With a <c>pace</c>, each sender starts a push at most that often; without one, as fast as answered.
/// </summary>
public sealed class PushLoad(Func<Uri> pushUrl, IReadOnlyList<string> tokens, int senders, string prefix, TimeSpan? pace = null)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> acknowledged = new();
    private readonly ConcurrentDictionary<int, int> answers = new();
    private int acknowledgedCount;

    public int Acknowledged => Volatile.Read(ref acknowledgedCount);

    /// <summary>Answers by HTTP status; 0 = no answer.</summary>
    public IReadOnlyDictionary<int, int> Answers => answers;

    public IReadOnlyList<string> AcknowledgedFor(string token) => acknowledged.TryGetValue(token, out var ids) ? ids.ToList() : [];

    public Task Run(CancellationToken stop) => Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() => Send(s, stop), CancellationToken.None)));

    private async Task Send(int sender, CancellationToken stop)
    {
        var token = tokens[sender % tokens.Count];
        using var timer = pace is { } every ? new PeriodicTimer(every) : null;
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            if (timer is not null && n > 1)
            {
                await timer.WaitForNextTickAsync(CancellationToken.None);
            }

            var id = $"{prefix}-{sender}-{n}";
            var body = AgentPushes.Body(token, id);
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (true)
            {
                var status = await AgentPushes.Post(pushUrl(), body);
                answers.AddOrUpdate(status, 1, (_, c) => c + 1);
                if (status == 200)
                {
                    acknowledged.GetOrAdd(token, _ => new ConcurrentQueue<string>()).Enqueue(id);
                    Interlocked.Increment(ref acknowledgedCount);
                    break;
                }

                Assert.False(bound.IsCancellationRequested, $"{id} was never acknowledged; last answer {status}");
                await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None); // Udesk's back-off, not a wait for a state
            }
        }
    }
}

/// <summary>A conversation's whole feed (with internal events) checked for what was acknowledged into it.</summary>
public static class FeedAudit
{
    public static async Task<IReadOnlyList<JsonObject>> ReadAll(PlatformApi customer)
    {
        var events = new List<JsonObject>();
        while (true)
        {
            var page = (await customer.Events(after: events.Count == 0 ? 0 : events[^1]["seq"]!.GetValue<long>(), limit: 1000, includeInternal: true))["events"]!.AsArray();
            if (page.Count == 0)
            {
                return events;
            }

            events.AddRange(page.Select(e => e!.AsObject()));
        }
    }

    /// <summary>Every acknowledged id once, no message id twice, seqs 1..n without a gap; what is wrong, or nothing.</summary>
    public static IEnumerable<string> ExactlyOnce(string token, IReadOnlyList<JsonObject> feed, IEnumerable<string> acknowledged)
    {
        var byId = Pushed(feed).GroupBy(e => e["message_id"]!.ToString()).ToDictionary(g => g.Key, g => g.Count());
        var lost = Missing(feed, acknowledged);
        if (lost.Count > 0)
        {
            yield return $"{token}: {lost.Count} acknowledged pushes missing from the feed: {string.Join(", ", lost.Take(20))}";
        }

        foreach (var (id, count) in byId.Where(p => p.Value > 1))
        {
            yield return $"{token}: message_id {id} is in the feed {count} times";
        }

        var seqs = feed.Select(e => e["seq"]!.GetValue<long>()).ToList();
        if (!seqs.SequenceEqual(Enumerable.Range(1, seqs.Count).Select(i => (long)i)))
        {
            yield return $"{token}: seqs are not 1..{seqs.Count}: {string.Join(",", seqs.Take(50))}";
        }
    }

    /// <summary>The acknowledged ids that are not in the feed.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<JsonObject> feed, IEnumerable<string> acknowledged)
    {
        var ids = Pushed(feed).Select(e => e["message_id"]!.ToString()).ToHashSet();
        return acknowledged.Where(id => !ids.Contains(id)).ToList();
    }

    /// <summary>How many message ids are in the feed more than once (the count beyond the first).</summary>
    public static int Duplicates(IReadOnlyList<JsonObject> feed) => Pushed(feed).GroupBy(e => e["message_id"]!.ToString()).Sum(g => g.Count() - 1);

    /// <summary>The events pushed messages became (a customer message's outcome events share its id, so they are left out).</summary>
    private static IEnumerable<JsonObject> Pushed(IReadOnlyList<JsonObject> feed) =>
        feed.Where(e => e["message_id"] is not null && e["type"]?.GetValue<string>() is "message" or "unreadable_message");
}
