namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// At most <see cref="Limit"/> events in any window of <see cref="Window"/>: the exact rule Udesk counts by,
/// unlike a token bucket, which would allow a burst on top of the refill rate.
/// </summary>
public sealed class SlidingWindowLog(int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> granted = new();

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be positive.");

    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");

    /// <summary>When the next event may happen; <paramref name="now"/> or earlier means "now".</summary>
    public DateTimeOffset NextAllowedAt(DateTimeOffset now)
    {
        Forget(now);
        return granted.Count < Limit ? now : granted.Peek() + Window;
    }

    public bool TryAcquire(DateTimeOffset now)
    {
        Forget(now);
        if (granted.Count >= Limit)
        {
            return false;
        }

        granted.Enqueue(now);
        return true;
    }

    private void Forget(DateTimeOffset now)
    {
        while (granted.Count > 0 && granted.Peek() + Window <= now)
        {
            granted.Dequeue();
        }
    }
}
