namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// At most <see cref="Limit"/> calls in any window of <see cref="Window"/>: the exact rule Udesk counts by, unlike a
/// token bucket, which would allow a burst on top of the refill rate. Udesk counts a call when it arrives, which is
/// somewhere between our grant and the answer; so a slot can be held while the call is in flight and its window then
/// starts when the answer came (<see cref="Release"/>). A held slot nobody releases lapses after
/// <see cref="MaxHold"/>.
/// </summary>
/// <remarks>
/// Held and released slots are kept apart, each in the order it lapses in, so that a slot whose holder died (held for
/// up to a window and <see cref="MaxHold"/>) never keeps the released slots after it counted once their windows end:
/// one lost answer must not stall a company's calls until it lapses.
/// </remarks>
public sealed class SlidingWindowLog(int limit, TimeSpan window, TimeSpan maxHold)
{
    /// <summary>Released slots by the time their window started: the order they lapse in.</summary>
    private readonly Queue<Slot> released = new();

    /// <summary>Held slots by the time they were granted: the order they lapse in if never released.</summary>
    private readonly LinkedList<Slot> held = new();

    private DateTimeOffset fullUntil = DateTimeOffset.MinValue;

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be positive.");

    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");

    public TimeSpan MaxHold { get; } = maxHold >= TimeSpan.Zero ? maxHold : throw new ArgumentOutOfRangeException(nameof(maxHold), maxHold, "The hold must not be negative.");

    /// <summary>When the next call may be made; <paramref name="now"/> or earlier means "now".</summary>
    public DateTimeOffset NextAllowedAt(DateTimeOffset now)
    {
        var excess = CountAt(now) - Limit;
        return Later(excess < 0 ? now : LapseOf(excess), fullUntil);
    }

    /// <summary>
    /// When a call could likely be made, for a caller told to come back later: a slot still held is assumed to be
    /// released now (so its window would end one window from now).
    /// </summary>
    public DateTimeOffset LikelyAllowedAt(DateTimeOffset now)
    {
        if (CountAt(now) < Limit)
        {
            return Later(now, fullUntil);
        }

        var likely = held.Count > 0 ? now + Window : DateTimeOffset.MaxValue;
        if (released.TryPeek(out var oldest) && oldest.At + Window < likely)
        {
            likely = oldest.At + Window;
        }

        return Later(likely, fullUntil);
    }

    /// <summary>Calls counted in the window at <paramref name="now"/>: released ones within it and every one still held.</summary>
    public int CountAt(DateTimeOffset now)
    {
        Forget(now);
        return released.Count + held.Count;
    }

    /// <summary>A slot from <paramref name="now"/>, or null when the window is full.</summary>
    public Slot? TryAcquire(DateTimeOffset now, bool hold)
    {
        if (CountAt(now) >= Limit || now < fullUntil)
        {
            return null;
        }

        var slot = new Slot(now, hold);
        if (hold)
        {
            slot.Holding = held.AddLast(slot);
        }
        else
        {
            released.Enqueue(slot);
        }

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
    public void Record(DateTimeOffset now) => released.Enqueue(new Slot(now, held: false));

    /// <summary>
    /// The held call has been answered: its window runs from <paramref name="now"/>. One answered after its hold
    /// lapsed counts again from now, as Udesk may have counted it as late as that.
    /// </summary>
    public void Release(Slot slot, DateTimeOffset now)
    {
        if (!slot.Held)
        {
            return;
        }

        if (slot.Holding is { } holding)
        {
            held.Remove(holding);
            slot.Holding = null;
        }

        slot.At = Later(now, slot.At);
        slot.Held = false;
        released.Enqueue(slot);
    }

    /// <summary>Whether <paramref name="slot"/> no longer counts in this window (released and past it, or held too long).</summary>
    public bool HasLapsed(Slot slot, DateTimeOffset now) => slot.LapsesAt(Window, MaxHold) <= now;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>When the slot that lapses <paramref name="nth"/> (from 0) of those counted now lapses.</summary>
    private DateTimeOffset LapseOf(int nth)
    {
        using var releasedInOrder = released.GetEnumerator();
        using var heldInOrder = held.GetEnumerator();
        var (moreReleased, moreHeld) = (releasedInOrder.MoveNext(), heldInOrder.MoveNext());
        while (true)
        {
            var releasedLapse = moreReleased ? releasedInOrder.Current.LapsesAt(Window, MaxHold) : DateTimeOffset.MaxValue;
            var heldLapse = moreHeld ? heldInOrder.Current.LapsesAt(Window, MaxHold) : DateTimeOffset.MaxValue;
            var next = releasedLapse <= heldLapse ? releasedLapse : heldLapse;
            if (nth-- == 0)
            {
                return next;
            }

            if (releasedLapse <= heldLapse)
            {
                moreReleased = releasedInOrder.MoveNext();
            }
            else
            {
                moreHeld = heldInOrder.MoveNext();
            }
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (released.TryPeek(out var oldest) && HasLapsed(oldest, now))
        {
            released.Dequeue();
        }

        while (held.First is { } first && HasLapsed(first.Value, now))
        {
            held.RemoveFirst();
            first.Value.Holding = null;
        }
    }

    public sealed class Slot(DateTimeOffset at, bool held)
    {
        public DateTimeOffset At { get; internal set; } = at;

        public bool Held { get; internal set; } = held;

        /// <summary>Where the slot sits among those held, while it is counted as held.</summary>
        internal LinkedListNode<Slot>? Holding { get; set; }

        internal DateTimeOffset LapsesAt(TimeSpan window, TimeSpan maxHold) => At + window + (Held ? maxHold : TimeSpan.Zero);
    }
}
