using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace Orchestrator.Host.Api;

/// <summary>
/// Keeps an idle Server-Sent Events stream visibly alive: proxies and load balancers close connections that carry
/// nothing for a while (often 60 s), and a client cannot tell a quiet conversation from a dead connection.
/// </summary>
internal static class StreamHeartbeats
{
    public const string EventType = "heartbeat";

    /// <summary>
    /// The items of <paramref name="source"/> as they come, with a <c>heartbeat</c> event (no data, no id, so a
    /// reconnect still resumes after the last real event) whenever nothing was sent for <paramref name="interval"/>.
    /// Browsers' <c>EventSource.onmessage</c> ignores it; it needs no handling.
    /// </summary>
    public static async IAsyncEnumerable<SseItem<T?>> WithHeartbeats<T>(
        this IAsyncEnumerable<SseItem<T>> source, TimeSpan interval, TimeProvider time, [EnumeratorCancellation] CancellationToken ct)
        where T : class
    {
        var items = source.GetAsyncEnumerator(ct);
        var next = items.MoveNextAsync().AsTask();
        try
        {
            while (true)
            {
                // An item already waiting (a burst) goes out without arming a timer.
                if (!next.IsCompleted && !await ArrivesWithin(next, interval, time, ct))
                {
                    yield return new SseItem<T?>(null, EventType);
                    continue;
                }

                if (!await next)
                {
                    yield break;
                }

                var item = items.Current;
                yield return new SseItem<T?>(item.Data, item.EventType) { EventId = item.EventId, ReconnectionInterval = item.ReconnectionInterval };
                next = items.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // An enumerator must not be disposed while it is moving: let the pending move end (ct cancels it) first.
            await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await items.DisposeAsync();
        }
    }

    /// <summary>Whether <paramref name="next"/> completes within <paramref name="interval"/>; throws once the stream is cancelled.</summary>
    private static async Task<bool> ArrivesWithin(Task next, TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var first = await Task.WhenAny(next, Task.Delay(interval, time, quiet.Token));
        if (first == next)
        {
            // Stops the pending delay's timer instead of leaving it to fire.
            await quiet.CancelAsync();
            return true;
        }

        ct.ThrowIfCancellationRequested();
        return false;
    }
}
