using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Bench.Measure;

/// <summary>
/// CPU over an interval, in cores: this process (the service, its store client and the load generator all live here)
/// and the whole machine (adds PostgreSQL's server processes), read from <c>/proc/stat</c>. Tells whether a run was
/// CPU-bound or waiting on I/O.
/// </summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan startProcess = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long startWall = Stopwatch.GetTimestamp();
    private readonly (long Busy, long Total)? startMachine = ReadMachine();
    private readonly long startAllocated = GC.GetTotalAllocatedBytes();

    public CpuUse Read()
    {
        var allocated = GC.GetTotalAllocatedBytes() - startAllocated;
        var wall = Stopwatch.GetElapsedTime(startWall).TotalSeconds;
        var process = (Process.GetCurrentProcess().TotalProcessorTime - startProcess).TotalSeconds / wall;
        double? machine = null;
        if (startMachine is { } start && ReadMachine() is { } end && end.Total > start.Total)
        {
            machine = Environment.ProcessorCount * (double)(end.Busy - start.Busy) / (end.Total - start.Total);
        }

        return new CpuUse(Math.Round(process, 2), machine is { } m ? Math.Round(m, 2) : null, wall, allocated);
    }

    private static (long Busy, long Total)? ReadMachine()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var idle = fields[3] + fields[4];
            var total = fields.Take(8).Sum();
            return (total - idle, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}

/// <summary>
/// Average cores busy: this process, and the machine (null where /proc/stat is missing); and what the process
/// allocated over the same <paramref name="Seconds"/>.
/// </summary>
internal sealed record CpuUse(double Process, double? Machine, double Seconds, long AllocatedBytes)
{
    /// <summary>Process CPU time per unit of work in microseconds: comparable across runs on a busy machine.</summary>
    public double MicrosecondsPer(long units) => units == 0 ? 0 : Math.Round(Process * Seconds * 1e6 / units, 1);

    public double AllocatedBytesPer(long units) => units == 0 ? 0 : Math.Round((double)AllocatedBytes / units);

    public override string ToString() => Machine is { } m ? $"cpu {Process:0.00} cores (machine {m:0.00}/{Environment.ProcessorCount})" : $"cpu {Process:0.00} cores";

    public void AddTo(IDictionary<string, object> figures, string prefix)
    {
        figures[$"{prefix}_process_cores"] = Process;
        if (Machine is { } machine)
        {
            figures[$"{prefix}_machine_cores"] = machine;
        }
    }
}
