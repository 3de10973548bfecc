using System.Diagnostics;
using Orchestrator.Bench.Measure;

namespace Orchestrator.Bench.Load;

/// <summary>
/// A fixed offered rate: request <c>i</c> is due at <c>start + i / rate</c> and starts then whatever earlier requests
/// are doing. Its latency counts from when it was due, not when it started, so a stalled service cannot hide its
/// queueing (no coordinated omission). Past <c>maxOutstanding</c> requests in flight the generator waits, and the
/// waiting shows in the latencies.
/// </summary>
internal static class OpenLoop
{
    public static async Task<LoadOutcome> RunAsync(
        double rate, TimeSpan duration, Func<long, Task<bool>> request, LatencyRecorder latencies, int maxOutstanding, CancellationToken ct)
    {
        var total = (long)(rate * duration.TotalSeconds);
        long outstanding = 0, succeeded = 0, failed = 0;
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * (Stopwatch.Frequency / rate));
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            while (Volatile.Read(ref outstanding) >= maxOutstanding)
            {
                await Task.Delay(1, ct);
            }

            Interlocked.Increment(ref outstanding);
            _ = One(i, due);
        }

        while (Volatile.Read(ref outstanding) > 0)
        {
            await Task.Delay(1, ct);
        }

        return new LoadOutcome(succeeded, failed, Stopwatch.GetElapsedTime(start));

        async Task One(long index, long due)
        {
            try
            {
                var ok = await request(index);
                latencies.RecordSince(due);
                Interlocked.Increment(ref ok ? ref succeeded : ref failed);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                Interlocked.Decrement(ref outstanding);
            }
        }
    }
}
