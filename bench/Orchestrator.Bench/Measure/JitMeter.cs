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

/// <summary>Methods compiled and the time spent compiling them (all threads) over an interval.</summary>
internal sealed record JitUse(long Methods, TimeSpan Time)
{
    /// <summary>The JIT's part of the process CPU over the same interval.</summary>
    public double ShareOf(CpuUse cpu) => cpu.Process * cpu.Seconds is var busy and > 0 ? Math.Round(Time.TotalSeconds / busy, 3) : 0;

    public string Describe(CpuUse cpu) => $"JIT {Methods / cpu.Seconds:N0} methods/s, {ShareOf(cpu):P0} of the process CPU";

    public void AddTo(IDictionary<string, object> figures, string prefix, CpuUse cpu)
    {
        figures[$"{prefix}_methods_per_s"] = Math.Round(Methods / cpu.Seconds, 1);
        figures[$"{prefix}_share_of_process_cpu"] = ShareOf(cpu);
    }
}
