using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Load;
using Orchestrator.Bench.Measure;
using Orchestrator.Bench.Results;

namespace Orchestrator.Bench.Scenarios;

/// <summary>
/// Udesk pushing agent messages over HTTP to many conversations at once, each push acknowledged only once persisted:
/// at saturation (one push in flight per conversation) for the sustained rate, then at fixed offered rates for the
/// latency percentiles: half the measured saturation (what the service sustains) and the half-target rate
/// (<c>--rate</c>). Between phases the service is left to drain what it still has queued.
/// </summary>
internal sealed class IngestScenario : IScenario
{
    public string Name => "ingest";

    public string Description => "pushes over HTTP, acked once persisted: saturation (msg/s) and fixed rates (p50/p99/p99.9)";

    public bool UsesStore => true;

    public async Task<BenchResult> RunAsync(BenchContext context)
    {
        var args = context.Arguments;
        var store = context.Store!.Name;
        var conversations = args.Int("conversations", 1000);
        var batch = args.Int("batch", 1);
        var duration = TimeSpan.FromSeconds(args.Number("duration", 15));
        var rate = args.Number("rate", Targets.IngestPerSecond(store) / 2);
        var concurrency = args.Int("concurrency", conversations);
        var warmup = TimeSpan.FromSeconds(args.Number("warmup", 20));
        var sampleAllocations = args.Flag("allocations");

        await using var rig = await BenchRig.StartAsync(context);
        using var http = LoadHttp.Create(rig.Service.Address);
        var sender = new PushSender(http);
        var tokens = ConversationTokens.Make("ingest", conversations);
        var load = new IngestLoad(sender, tokens, batch, 0, context.Cancellation);

        BenchContext.Progress($"ingest/{store}: waking {conversations} conversations, then warming up for {warmup.TotalSeconds} s");
        await load.WakeEach();
        await load.Saturate(concurrency, warmup, null);
        await load.Drain();

        BenchContext.Progress($"ingest/{store}: saturation, {concurrency} pushes in flight, {duration.TotalSeconds} s");
        var allocations = sampleAllocations ? new AllocationSampler() : null;
        var saturationJit = new JitMeter();
        var saturation = await load.MeasureSaturation(concurrency, duration);
        var saturationJitUse = saturationJit.Read();
        allocations?.Dispose();
        var saturationSummary = saturation.Ack;
        var saturationCpuUse = saturation.Cpu;
        var saturationRate = saturation.MessagesPerSecond;

        var figures = new Dictionary<string, object>
        {
            ["messages_per_push"] = batch,
            ["conversations"] = conversations,
            ["saturation_messages_per_s"] = saturationRate,
            ["saturation_failed_pushes"] = saturation.Outcome.Failed,
            ["saturation_in_flight"] = concurrency,
            ["target_messages_per_s"] = Targets.IngestPerSecond(store),
            ["target_p99_ms_at_half"] = Targets.IngestP99Millis,
        };
        saturationSummary.AddTo(figures, "saturation_ack");
        saturationCpuUse.AddTo(figures, "saturation_cpu");
        figures["saturation_cpu_us_per_message"] = saturation.CpuMicrosecondsPerMessage;
        figures["saturation_allocated_bytes_per_message"] = saturation.AllocatedBytesPerMessage;
        saturationJitUse.AddTo(figures, "saturation_jit", saturationCpuUse);
        if (allocations is not null)
        {
            var top = allocations.Top(25).Select(t => $"{t.Share:P1} {t.Type}").ToList();
            figures["saturation_allocations_sampled"] = top;
            BenchContext.Progress($"ingest/{store}: bytes allocated at saturation, sampled by type:\n  " + string.Join("\n  ", top));
        }

        var reference = await MeasureReference(tokens, batch, concurrency, duration, context.Cancellation);
        figures["reference_pushes_per_s"] = reference.PushesPerSecond;
        figures["reference_cpu_us_per_push"] = reference.MicrosecondsPerPush;
        reference.Cpu.AddTo(figures, "reference_cpu");

        var parts = new List<string>
        {
            $"saturation {saturationRate:N0} msg/s ({saturationSummary}; {saturationCpuUse}, {saturation.CpuMicrosecondsPerMessage:N0} µs CPU and {saturation.AllocatedBytesPerMessage:N0} B allocated per message; {saturationJitUse.Describe(saturationCpuUse)})",
            $"reference (Kestrel + JSON parse + this load generator, same process): {reference.PushesPerSecond:N0} pushes/s, {reference.MicrosecondsPerPush:N0} µs CPU per push ({reference.Cpu})",
        };
        foreach (var (name, offered) in new[] { ("half_saturation", Math.Max(1, saturationRate / 2)), ("offered", rate) })
        {
            await load.Drain();
            BenchContext.Progress($"ingest/{store}: {offered:0} messages/s offered ({offered / batch:0} pushes/s), {duration.TotalSeconds} s");
            var latencies = new LatencyRecorder((int)(offered / batch * duration.TotalSeconds) + 16);
            var cpu = new CpuMeter();
            var outcome = await OpenLoop.RunAsync(offered / batch, duration, i => load.Push((int)(i % conversations)), latencies, maxOutstanding: 20_000, context.Cancellation);
            var cpuUse = cpu.Read();
            var summary = latencies.Summarize();
            figures[$"{name}_offered_messages_per_s"] = Math.Round(offered, 1);
            figures[$"{name}_acked_messages_per_s"] = outcome.SucceededPerSecond * batch;
            figures[$"{name}_failed_pushes"] = outcome.Failed;
            summary.AddTo(figures, $"{name}_ack");
            cpuUse.AddTo(figures, $"{name}_cpu");
            parts.Add($"offered {offered:N0} msg/s: acked {outcome.SucceededPerSecond * batch:N0}/s, {outcome.Failed} refused, {summary}; {cpuUse}");
        }

        figures["refusals"] = sender.DescribeRefusals();
        var line = $"ingest {store}: " + string.Join(" | ", parts)
            + $" | {batch} msg/push, {conversations} conversations | target {Targets.IngestPerSecond(store):N0} msg/s, p99 < {Targets.IngestP99Millis} ms at {Targets.IngestPerSecond(store) / 2:N0}/s";
        return context.Result(Name, figures, line);
    }

    /// <summary>
    /// The same pushes, at the same concurrency, to <see cref="LoopbackPushReference"/> (5 s of warm-up, then
    /// <paramref name="duration"/>): what HTTP, a JSON parse and the load generator cost per push on this machine now.
    /// </summary>
    private static async Task<(double PushesPerSecond, double MicrosecondsPerPush, CpuUse Cpu)> MeasureReference(
        string[] tokens, int batch, int concurrency, TimeSpan duration, CancellationToken ct)
    {
        await using var reference = await LoopbackPushReference.StartAsync(ct);
        using var http = LoadHttp.Create(reference.Address);
        var sender = new PushSender(http);
        long next = 0;
        Task<bool> Push(int worker) =>
            sender.SendAsync(PushPayloads.AgentMessages(tokens[worker % tokens.Length], ConversationTokens.SessionOf(worker % tokens.Length), "r", Interlocked.Add(ref next, batch) - batch, batch), ct);

        BenchContext.Progress($"ingest: reference, {concurrency} pushes in flight to Kestrel answering 200, {duration.TotalSeconds} s");
        await ClosedLoop.RunAsync(concurrency, TimeSpan.FromSeconds(5), Push, null, ct);
        var cpu = new CpuMeter();
        var outcome = await ClosedLoop.RunAsync(concurrency, duration, Push, null, ct);
        var use = cpu.Read();
        return (outcome.SucceededPerSecond, use.MicrosecondsPer(outcome.Succeeded), use);
    }
}
