namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// At most <see cref="Limit"/> calls in any window of <see cref="Window"/>: the exact rule Udesk counts by, unlike a
/// token bucket, which would allow a burst on top of the refill rate. Udesk counts a call when it arrives, which is
/// somewhere between our grant and the answer; so a slot can be held while the call is in flight and its window then
/// starts when the answer came (<see cref="Release"/>). A held slot nobody releases lapses after
/// <see cref="MaxHold"/>.
/// </summary>
public sealed class SlidingWindowLog(int limit, TimeSpan window, TimeSpan maxHold)
{
    private readonly Queue<Slot> slots = new();
    private DateTimeOffset fullUntil = DateTimeOffset.MinValue;

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be positive.");

    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");

    public TimeSpan MaxHold { get; } = maxHold >= TimeSpan.Zero ? maxHold : throw new ArgumentOutOfRangeException(nameof(maxHold), maxHold, "The hold must not be negative.");

    /// <summary>When the next call may be made; <paramref name="now"/> or earlier means "now".</summary>
    public DateTimeOffset NextAllowedAt(DateTimeOffset now)
    {
        Forget(now);
        // The oldest slot is not always the first to lapse once slots are held; waiting for it is never too early.
        return Later(slots.Count < Limit ? now : slots.Peek().LapsesAt(Window, MaxHold), fullUntil);
    }

    /// <summary>
    /// When a call could likely be made, for a caller told to come back later: a slot still held is assumed to be
    /// released now (so its window would end one window from now).
    /// </summary>
    public DateTimeOffset LikelyAllowedAt(DateTimeOffset now)
    {
        Forget(now);
        if (slots.Count < Limit)
        {
            return Later(now, fullUntil);
        }

        var oldest = slots.Peek();
        return Later((oldest.Held ? now : oldest.At) + Window, fullUntil);
    }

    /// <summary>Calls counted in the window at <paramref name="now"/>: released ones within it and every one still held.</summary>
    public int CountAt(DateTimeOffset now)
    {
        Forget(now);
        return slots.Count(slot => !HasLapsed(slot, now));
    }

    /// <summary>A slot from <paramref name="now"/>, or null when the window is full.</summary>
    public Slot? TryAcquire(DateTimeOffset now, bool hold)
    {
        Forget(now);
        if (slots.Count >= Limit || now < fullUntil)
        {
            return null;
        }

        var slot = new Slot(now, hold);
        slots.Enqueue(slot);
        return slot;
    }

    /// <summary>
    /// Counts the window as full at <paramref name="at"/>: nothing is allowed before one window later. For a log that
    /// cannot know what was let through just before it (a budget that took over from another).
    /// </summary>
    public void AssumeFullAt(DateTimeOffset at) => fullUntil = Later(fullUntil, at + Window);

    /// <summary>
    /// A call this log did not let through but Udesk may count as late as <paramref name="now"/> (one granted by a
    /// previous budget): its window runs from now, even when that puts the log over its limit for a while.
    /// </summary>
    public void Record(DateTimeOffset now) => slots.Enqueue(new Slot(now, held: false));

    /// <summary>The held call has been answered: its window runs from <paramref name="now"/>.</summary>
    public static void Release(Slot slot, DateTimeOffset now)
    {
        if (slot.Held)
        {
            slot.At = now > slot.At ? now : slot.At;
            slot.Held = false;
        }
    }

    /// <summary>Whether <paramref name="slot"/> no longer counts in this window (released and past it, or held too long).</summary>
    public bool HasLapsed(Slot slot, DateTimeOffset now) => slot.LapsesAt(Window, MaxHold) <= now;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void Forget(DateTimeOffset now)
    {
        while (slots.Count > 0 && HasLapsed(slots.Peek(), now))
        {
            slots.Dequeue();
        }
    }

    public sealed class Slot(DateTimeOffset at, bool held)
    {
        public DateTimeOffset At { get; internal set; } = at;

        public bool Held { get; internal set; } = held;

        internal DateTimeOffset LapsesAt(TimeSpan window, TimeSpan maxHold) => At + window + (Held ? maxHold : TimeSpan.Zero);
    }
}
