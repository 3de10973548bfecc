namespace Orchestrator.Bench.Measure;

/// <summary>How busy the machine is before a run starts (other processes): figures taken on a busy machine are low.</summary>
internal static class BackgroundLoad
{
    /// <summary>Cores in use over one second, or 0 where it cannot be read.</summary>
    public static async Task<double> MeasureAsync(CancellationToken ct)
    {
        var meter = new CpuMeter();
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        return meter.Read().Machine ?? 0;
    }
}
