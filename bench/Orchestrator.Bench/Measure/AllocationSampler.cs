using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Orchestrator.Bench.Measure;

/// <summary>
/// Which types a phase allocates, from the runtime's own allocation sampling (an <c>AllocationTick</c> event every
/// ~100 KB allocated, naming the type that crossed it) read in-process: the bytes attributed to each type over the
/// phase. A sample, not a count: types that allocate little may not show.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEventId = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> bytesByType = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId != AllocationTickEventId || e.PayloadNames is not { } names || e.Payload is not { } payload)
        {
            return;
        }

        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var bytes = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        bytesByType.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
    }

    /// <summary>The <paramref name="count"/> types with the most sampled bytes, as shares of all sampled bytes.</summary>
    public IReadOnlyList<(string Type, double Share)> Top(int count)
    {
        var total = Math.Max(1, bytesByType.Values.Sum());
        return bytesByType.OrderByDescending(t => t.Value).Take(count).Select(t => (t.Key, Math.Round((double)t.Value / total, 3))).ToList();
    }
}
