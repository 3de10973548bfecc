using System.Diagnostics;

namespace Orchestrator.Bench.Measure;

/// <summary>
/// Every latency of a run, kept whole (no histogram buckets) up to a capacity fixed beforehand, so recording
/// allocates nothing and percentiles are exact.
/// </summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] ticks = new long[capacity];
    private int count;
    private long dropped;

    public int Count => Math.Min(Volatile.Read(ref count), ticks.Length);

    /// <summary>Latencies that did not fit (the run was longer than planned).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Records the time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetTimestamp() - startTimestamp);

    public void Record(long elapsedTicks)
    {
        var slot = Interlocked.Increment(ref count) - 1;
        if (slot < ticks.Length)
        {
            ticks[slot] = elapsedTicks;
        }
        else
        {
            Interlocked.Increment(ref dropped);
        }
    }

    public LatencySummary Summarize()
    {
        var sorted = ticks.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Millis(sorted, 0.50), Millis(sorted, 0.99), Millis(sorted, 0.999), sorted.Length == 0 ? 0 : ToMillis(sorted[^1]));
    }

    private static double Millis(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : ToMillis(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)]);

    private static double ToMillis(long elapsedTicks) => Math.Round(elapsedTicks * 1000.0 / Stopwatch.Frequency, 2);
}

/// <summary>Percentiles in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double P50, double P99, double P999, double Max)
{
    public override string ToString() => $"p50 {P50} ms, p99 {P99} ms, p99.9 {P999} ms, max {Max} ms";

    public void AddTo(IDictionary<string, object> figures, string prefix)
    {
        figures[$"{prefix}_p50_ms"] = P50;
        figures[$"{prefix}_p99_ms"] = P99;
        figures[$"{prefix}_p999_ms"] = P999;
        figures[$"{prefix}_max_ms"] = Max;
    }
}
