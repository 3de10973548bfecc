using System.Diagnostics;
using Orchestrator.Bench.Measure;
using Orchestrator.Bench.Scenarios;

namespace Orchestrator.Bench.Load;

/// <summary>
/// Udesk's agent-message pushes to a set of conversations, <c>batch</c> messages per push, message ids never
/// repeated: the load of the ingest scenario, shared with the scale scenario.
/// </summary>
internal sealed class IngestLoad(PushSender sender, string[] tokens, int batch, int sessionSet, CancellationToken ct)
{
    private long nextMessage;
    private int drainProbes;

    public int Conversations => tokens.Length;

    /// <summary>One push to conversation number <paramref name="conversation"/>.</summary>
    public Task<bool> Push(int conversation) =>
        sender.SendAsync(PushPayloads.AgentMessages(tokens[conversation], ConversationTokens.SessionOf(conversation, sessionSet), "m", Interlocked.Add(ref nextMessage, batch) - batch, batch), ct);

    /// <summary>A first push to every conversation (200 at a time), so the measured phases find them awake.</summary>
    public Task<LoadOutcome> WakeEach()
    {
        var woken = 0;
        return ClosedLoop.RunAsync(Math.Min(tokens.Length, 200), TimeSpan.FromHours(1), _ => Interlocked.Increment(ref woken) is var n && n <= tokens.Length ? Push(n - 1) : null, null, ct);
    }

    /// <summary>
    /// <paramref name="concurrency"/> pushes in flight: the warm-up (the runtime compiles the hot paths again at higher
    /// tiers during its first tens of seconds under load) and the measurement. Worker w pushes to conversations w,
    /// w + concurrency, w + 2 × concurrency, … in turn, so with more conversations than pushes in flight every
    /// conversation gets its share, and with as many each worker keeps to its own conversation.
    /// </summary>
    public Task<LoadOutcome> Saturate(int concurrency, TimeSpan duration, LatencyRecorder? latencies)
    {
        var turns = new int[concurrency];
        return ClosedLoop.RunAsync(concurrency, duration, worker => Push((int)((worker + (long)turns[worker]++ * concurrency) % tokens.Length)), latencies, ct);
    }

    /// <summary>Saturation measured: messages/s, acknowledgement latencies and CPU.</summary>
    public async Task<IngestSaturation> MeasureSaturation(int concurrency, TimeSpan duration)
    {
        var latencies = new LatencyRecorder(10_000_000);
        var cpu = new CpuMeter();
        var outcome = await Saturate(concurrency, duration, latencies);
        return new IngestSaturation(outcome, batch, latencies.Summarize(), cpu.Read());
    }

    /// <summary>
    /// Waits until a push is acknowledged within 100 ms again: an overloaded phase leaves commands queued behind the
    /// ones it already answered 503, and the next phase must not pay for them.
    /// </summary>
    public async Task Drain()
    {
        var deadline = Stopwatch.GetTimestamp() + 120 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var probe = ++drainProbes;
            var conversation = probe % tokens.Length;
            var started = Stopwatch.GetTimestamp();
            var ok = await sender.SendAsync(PushPayloads.AgentMessages(tokens[conversation], ConversationTokens.SessionOf(conversation, sessionSet), "drain", probe * batch, batch), ct);
            if (ok && Stopwatch.GetElapsedTime(started) < TimeSpan.FromMilliseconds(100))
            {
                return;
            }

            await Task.Delay(500, ct);
        }
    }
}

/// <summary>One saturation phase: what was acknowledged, how fast, at what CPU.</summary>
internal sealed record IngestSaturation(LoadOutcome Outcome, int Batch, LatencySummary Ack, CpuUse Cpu)
{
    public double MessagesPerSecond => Outcome.SucceededPerSecond * Batch;

    public long MessagesAcked => Outcome.Succeeded * Batch;

    public double CpuMicrosecondsPerMessage => Cpu.MicrosecondsPer(MessagesAcked);

    public double AllocatedBytesPerMessage => Cpu.AllocatedBytesPer(MessagesAcked);
}
