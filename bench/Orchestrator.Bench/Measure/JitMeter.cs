using System.Runtime;

namespace Orchestrator.Bench.Measure;

/// <summary>
/// What the JIT compiled over an interval: on two busy cores the runtime keeps compiling hot methods at higher tiers
/// long after start, and that CPU lands in the per-message figures of a run that has not warmed up enough.
/// </summary>
internal sealed class JitMeter
{
    private readonly long startMethods = JitInfo.GetCompiledMethodCount();
    private readonly TimeSpan startTime = JitInfo.GetCompilationTime();

    public JitUse Read() => new(JitInfo.GetCompiledMethodCount() - startMethods, JitInfo.GetCompilationTime() - startTime);
}

/// <summary>
/// Methods compiled and the time spent compiling them (all threads) over an interval. The time is the runtime's
/// wall time inside the JIT: on a machine busier than its cores it includes waiting for a core, so it says whether
/// the JIT was still at work, not what it cost.
/// </summary>
internal sealed record JitUse(long Methods, TimeSpan Time)
{
    public string Describe(CpuUse cpu) => $"JIT {Methods / cpu.Seconds:N0} methods/s, {Time.TotalSeconds / cpu.Seconds:0.00} s compiling per s";

    public void AddTo(IDictionary<string, object> figures, string prefix, CpuUse cpu)
    {
        figures[$"{prefix}_methods_per_s"] = Math.Round(Methods / cpu.Seconds, 1);
        figures[$"{prefix}_seconds_per_s"] = Math.Round(Time.TotalSeconds / cpu.Seconds, 3);
    }
}
