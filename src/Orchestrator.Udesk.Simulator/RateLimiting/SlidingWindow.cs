namespace Orchestrator.Udesk.Simulator.RateLimiting;

/// <summary>At most <c>permits</c> acquisitions in any window of <c>length</c>; not thread-safe (its owner locks).</summary>
internal sealed class SlidingWindow(int permits, TimeSpan length)
{
    private readonly Queue<DateTimeOffset> acquired = new();

    /// <summary>Takes a permit, or says how long until one frees.</summary>
    public bool TryAcquire(DateTimeOffset now, out TimeSpan retryAfter)
    {
        while (acquired.TryPeek(out var oldest) && now - oldest >= length)
        {
            acquired.Dequeue();
        }

        if (acquired.Count < permits)
        {
            acquired.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = acquired.Peek() + length - now;
        return false;
    }
}
