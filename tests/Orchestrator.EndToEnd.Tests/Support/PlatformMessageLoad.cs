using System.Collections.Concurrent;
using System.Net;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>
/// Customers writing through the platform API, one message every <c>pace</c> per customer, each request to the node
/// <c>next</c> names. As the API tells a platform to, a message not answered 202 (no answer, or 503 while its
/// conversation moves between nodes) is sent again with the same <c>message_id</c> until it is. Stopping lets each
/// customer finish the message it holds.
/// </summary>
public sealed class PlatformMessageLoad(Func<HttpClient> next, IReadOnlyList<string> tokens, string prefix, TimeSpan pace)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> accepted = new();
    private readonly ConcurrentDictionary<int, int> answers = new();
    private int acceptedCount;

    public int Accepted => Volatile.Read(ref acceptedCount);

    /// <summary>Answers by HTTP status; 0 = no answer.</summary>
    public IReadOnlyDictionary<int, int> Answers => answers;

    /// <summary>Every message id answered 202, by customer.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AcceptedIds =>
        accepted.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. a.Value]);

    public Task Run(CancellationToken stop) => Task.WhenAll(tokens.Select(token => Task.Run(() => Write(token, stop), CancellationToken.None)));

    /// <summary>Sends one message until it is accepted.</summary>
    public async Task Send(string token, string messageId)
    {
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await Post(token, messageId);
            answers.AddOrUpdate(status, 1, (_, c) => c + 1);
            if (status == (int)HttpStatusCode.Accepted)
            {
                accepted.GetOrAdd(token, _ => new ConcurrentQueue<string>()).Enqueue(messageId);
                Interlocked.Increment(ref acceptedCount);
                return;
            }

            Assert.False(bound.Elapsed > Patience, $"{messageId} was never accepted; last answer {status}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None); // the platform's back-off, not a wait for a state
        }
    }

    private async Task Write(string token, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(pace);
        var n = 0;
        do
        {
            await Send(token, $"{prefix}-{token}-{++n}");
        }
        while (await timer.NextTickOrStop(stop));
    }

    private async Task<int> Post(string token, string messageId)
    {
        try
        {
            using var response = await new PlatformApi(next(), token).SendMessage(messageId, $"message {messageId}");
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}
