using Microsoft.Extensions.Time.Testing;

namespace Orchestrator.Udesk.Simulator.Tests.Support;

/// <summary>Simulator clocks that move only when a test moves them.</summary>
public static class Clock
{
    /// <summary>
    /// Stopped at the current time, so the client's signatures (made with the real clock) stay fresh as long as
    /// the test moves it by less than the five minutes a timestamp may be off.
    /// </summary>
    public static FakeTimeProvider StoppedNow() => new(DateTimeOffset.UtcNow);

    /// <summary>Stopped at a fixed instant: two simulators on such clocks stamp the same times.</summary>
    public static FakeTimeProvider StoppedAt(DateTimeOffset instant) => new(instant);
}
