using System.Diagnostics;
using Orchestrator.Bench.Measure;

namespace Orchestrator.Bench.Load;

/// <summary>
/// Saturation: <c>workers</c> callers, each sending its next request as soon as the previous one is answered, until
/// the duration is over or the work runs out (a request function answering null).
/// </summary>
internal static class ClosedLoop
{
    /// <param name="request">Worker number → its next request (true: succeeded), or null when there is no more work.</param>
    public static async Task<LoadOutcome> RunAsync(
        int workers, TimeSpan duration, Func<int, Task<bool>?> request, LatencyRecorder? latencies, CancellationToken ct)
    {
        long succeeded = 0, failed = 0;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(Worker));
        return new LoadOutcome(succeeded, failed, Stopwatch.GetElapsedTime(start));

        async Task Worker(int worker)
        {
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var next = request(worker);
                if (next is null)
                {
                    return;
                }

                bool ok;
                try
                {
                    ok = await next;
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    ok = false;
                }

                latencies?.RecordSince(started);
                Interlocked.Increment(ref ok ? ref succeeded : ref failed);
            }
        }
    }
}
