namespace Orchestrator.Retry;

/// <summary>
/// Exponential back-off: <c>min</c> before the first retry, doubled per attempt up to <c>max</c>, then spread by a
/// <see cref="Jitter"/>. Pure: the random number is an argument, so every caller's delays are reproducible in tests.
/// </summary>
public static class Backoff
{
    // 2^62 times any TimeSpan's ticks is still a finite double; every ceiling is reached long before.
    private const int MaxDoublings = 62;

    /// <summary>
    /// The delay before retry number <paramref name="attempt"/> (from 1; anything lower counts as 1): never above
    /// <paramref name="max"/>, even for the largest attempt numbers.
    /// </summary>
    public static TimeSpan Capped(int attempt, TimeSpan min, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, TimeSpan.Zero);

        var doublings = Math.Clamp(attempt - 1L, 0, MaxDoublings);
        return TimeSpan.FromTicks((long)Math.Min(min.Ticks * Math.Pow(2, doublings), max.Ticks));
    }

    /// <summary>
    /// <see cref="Capped"/> spread by <paramref name="jitter"/>; <paramref name="random01"/> is a random number in
    /// [0, 1]. Within <c>min × (1 - Below)</c> and <c>max × (1 + Above)</c>.
    /// </summary>
    public static TimeSpan Jittered(int attempt, TimeSpan min, TimeSpan max, Jitter jitter, double random01)
    {
        var ticks = Capped(attempt, min, max).Ticks * jitter.Factor(random01);
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }
}
