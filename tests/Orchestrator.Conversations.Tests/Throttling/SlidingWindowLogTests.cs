using Orchestrator.Conversations.Throttling;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>The window rule itself, on explicit instants: what counts, when the next call may go, and held slots.</summary>
public sealed class SlidingWindowLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(60);

    private static DateTimeOffset At(double seconds) => Start + TimeSpan.FromSeconds(seconds);

    [Fact]
    public void A_slot_held_by_a_caller_that_never_answers_does_not_keep_the_slots_after_it_counted()
    {
        var log = new SlidingWindowLog(3, Window, MaxHold);
        Assert.NotNull(log.TryAcquire(At(0), hold: true)); // its holder died: never released
        log.Release(log.TryAcquire(At(1), hold: true)!, At(1));
        log.Release(log.TryAcquire(At(2), hold: true)!, At(2));
        Assert.Null(log.TryAcquire(At(3), hold: false));
        Assert.Equal(At(11), log.NextAllowedAt(At(3)));

        // The two released windows are over; only the lost hold still counts, until its hold lapses.
        Assert.Equal(1, log.CountAt(At(12)));
        Assert.NotNull(log.TryAcquire(At(12), hold: false));
        Assert.NotNull(log.TryAcquire(At(12), hold: false));
        Assert.Null(log.TryAcquire(At(12), hold: false));
        Assert.Equal(At(22), log.NextAllowedAt(At(12)));
        Assert.Equal(0, log.CountAt(At(70)));
    }

    [Fact]
    public void The_next_call_waits_for_the_earliest_window_to_end_held_or_released()
    {
        var log = new SlidingWindowLog(2, Window, MaxHold);
        var first = log.TryAcquire(At(0), hold: true)!;
        var second = log.TryAcquire(At(1), hold: true)!;
        Assert.Equal(At(70), log.NextAllowedAt(At(2)));

        // The later grant is answered first: its window ends before the earlier one's hold lapses.
        log.Release(second, At(5));
        Assert.Equal(At(15), log.NextAllowedAt(At(5)));
        log.Release(first, At(6));
        Assert.Equal(At(15), log.NextAllowedAt(At(6)));
        Assert.Equal(1, log.CountAt(At(15)));
        Assert.Equal(0, log.CountAt(At(16)));
    }

    [Fact]
    public void Calls_recorded_past_the_limit_keep_it_full_until_enough_windows_end()
    {
        var log = new SlidingWindowLog(2, Window, MaxHold);
        log.Record(At(0));
        log.Record(At(1));
        log.Record(At(2));
        Assert.Equal(3, log.CountAt(At(2)));
        Assert.Equal(At(11), log.NextAllowedAt(At(2)));
        Assert.Null(log.TryAcquire(At(10.5), hold: false));
        Assert.NotNull(log.TryAcquire(At(11), hold: false));
    }

    [Fact]
    public void A_call_answered_after_its_hold_lapsed_counts_from_its_answer()
    {
        var log = new SlidingWindowLog(1, Window, MaxHold);
        var late = log.TryAcquire(At(0), hold: true)!;
        Assert.Equal(0, log.CountAt(At(70)));
        log.Release(late, At(75));
        Assert.Equal(1, log.CountAt(At(75)));
        Assert.Equal(At(85), log.NextAllowedAt(At(75)));
        log.Release(late, At(80));
        Assert.Equal(1, log.CountAt(At(80)));
    }

    [Fact]
    public void A_window_assumed_full_allows_nothing_for_a_window()
    {
        var log = new SlidingWindowLog(5, Window, MaxHold);
        log.AssumeFullAt(At(3));
        Assert.Null(log.TryAcquire(At(12), hold: false));
        Assert.Equal(At(13), log.NextAllowedAt(At(12)));
        Assert.NotNull(log.TryAcquire(At(13), hold: false));
    }
}
