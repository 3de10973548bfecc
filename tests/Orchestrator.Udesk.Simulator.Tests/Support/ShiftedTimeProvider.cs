namespace Orchestrator.Udesk.Simulator.Tests.Support;

/// <summary>The system clock moved by a fixed offset: a caller (or a simulator) whose clock is off.</summary>
public sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
