namespace Orchestrator.Retry.Tests;

public sealed class BackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(3, 4000)]
    [InlineData(5, 16000)]
    [InlineData(6, 30000)]
    [InlineData(0, 1000)]
    [InlineData(-7, 1000)]
    public void The_delay_starts_at_min_and_doubles_per_attempt_up_to_max(int attempt, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Backoff.Capped(attempt, Min, Max));

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MaxValue - 1)]
    [InlineData(64)]
    [InlineData(1025)]
    public void Huge_attempt_numbers_stay_at_the_ceiling(int attempt)
    {
        Assert.Equal(Max, Backoff.Capped(attempt, Min, Max));
        Assert.Equal(TimeSpan.MaxValue, Backoff.Capped(attempt, TimeSpan.MaxValue, TimeSpan.MaxValue));
        Assert.Equal(TimeSpan.MaxValue, Backoff.Jittered(attempt, TimeSpan.MaxValue, TimeSpan.MaxValue, Jitter.Symmetric(1), 1));
    }

    [Theory]
    [InlineData(0.0, 800)]
    [InlineData(0.5, 1000)]
    [InlineData(1.0, 1200)]
    public void Symmetric_jitter_spreads_either_way(double random01, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Backoff.Jittered(1, Min, Max, Jitter.Symmetric(0.2), random01));

    [Theory]
    [InlineData(0.0, 15000)]
    [InlineData(1.0, 30000)]
    public void Jitter_below_only_never_exceeds_the_ceiling(double random01, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Backoff.Jittered(20, Min, Max, new Jitter(0.5, 0), random01));

    [Fact]
    public void No_jitter_is_the_capped_delay() =>
        Assert.Equal(Backoff.Capped(4, Min, Max), Backoff.Jittered(4, Min, Max, Jitter.None, 0.73));

    [Fact]
    public void The_ceiling_wins_over_a_larger_first_delay() =>
        Assert.Equal(Max, Backoff.Capped(1, TimeSpan.FromMinutes(1), Max));

    [Theory]
    [InlineData(-0.1, 0, 0.5)]
    [InlineData(1.1, 0, 0.5)]
    [InlineData(0, -0.1, 0.5)]
    [InlineData(0, 1.1, 0.5)]
    [InlineData(0.2, 0.2, -0.1)]
    [InlineData(0.2, 0.2, 1.1)]
    [InlineData(0.2, 0.2, double.NaN)]
    public void Jitter_and_random_number_outside_their_ranges_are_refused(double below, double above, double random01) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Jittered(1, Min, Max, new Jitter(below, above), random01));

    [Fact]
    public void A_negative_delay_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Capped(1, TimeSpan.FromSeconds(-1), Max));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Capped(1, Min, TimeSpan.FromSeconds(-1)));
    }
}
