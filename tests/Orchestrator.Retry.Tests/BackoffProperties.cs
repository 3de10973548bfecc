using FsCheck.Xunit;

namespace Orchestrator.Retry.Tests;

/// <summary>Whatever the attempt, the settings and the random number, the back-off stays in its bounds.</summary>
public sealed class BackoffProperties
{
    private const int Runs = 500;

    [Property(MaxTest = Runs)]
    public void The_delay_is_within_min_and_max_widened_by_the_jitter(int attempt, uint minMs, uint spanMs, byte below, byte above, ushort random)
    {
        var (min, max) = Range(minMs, spanMs);
        var jitter = new Jitter(below / 255.0, above / 255.0);

        var delay = Backoff.Jittered(attempt, min, max, jitter, random / (double)ushort.MaxValue);

        Assert.InRange(delay.Ticks, Math.Floor(min.Ticks * (1 - jitter.Below)), Math.Ceiling(max.Ticks * (1 + jitter.Above)));
    }

    [Property(MaxTest = Runs)]
    public void Before_jitter_the_delay_never_decreases_with_the_attempt(int attempt, uint minMs, uint spanMs)
    {
        var (min, max) = Range(minMs, spanMs);
        var next = attempt == int.MaxValue ? attempt : attempt + 1;

        Assert.True(Backoff.Capped(attempt, min, max) <= Backoff.Capped(next, min, max));
    }

    [Property(MaxTest = Runs)]
    public void Before_jitter_the_delay_is_within_min_and_max(int attempt, uint minMs, uint spanMs)
    {
        var (min, max) = Range(minMs, spanMs);

        Assert.InRange(Backoff.Capped(attempt, min, max), min, max);
    }

    [Property(MaxTest = Runs)]
    public void The_same_random_number_gives_the_same_delay(int attempt, uint minMs, uint spanMs, ushort random)
    {
        var (min, max) = Range(minMs, spanMs);
        var jitter = Jitter.Symmetric(0.2);

        Assert.Equal(
            Backoff.Jittered(attempt, min, max, jitter, random / (double)ushort.MaxValue),
            Backoff.Jittered(attempt, min, max, jitter, random / (double)ushort.MaxValue));
    }

    // Up to about 50 days each: wider than any configured back-off, far from TimeSpan's limits.
    private static (TimeSpan Min, TimeSpan Max) Range(uint minMs, uint spanMs)
    {
        var min = TimeSpan.FromMilliseconds(minMs);
        return (min, min + TimeSpan.FromMilliseconds(spanMs));
    }
}
