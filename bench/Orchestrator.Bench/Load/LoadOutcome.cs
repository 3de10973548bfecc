namespace Orchestrator.Bench.Load;

/// <summary>What a load phase achieved: requests answered with success or not, over the phase's wall time.</summary>
internal sealed record LoadOutcome(long Succeeded, long Failed, TimeSpan Elapsed)
{
    public double SucceededPerSecond => Elapsed > TimeSpan.Zero ? Math.Round(Succeeded / Elapsed.TotalSeconds, 1) : 0;
}
