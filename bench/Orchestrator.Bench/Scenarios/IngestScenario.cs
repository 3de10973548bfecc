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

        await using var rig = await BenchRig.StartAsync(context);
        using var http = LoadHttp.Create(rig.Service.Address);
        var sender = new PushSender(http);
        var load = new IngestLoad(sender, ConversationTokens.Make("ingest", conversations), batch, 0, context.Cancellation);

        BenchContext.Progress($"ingest/{store}: waking {conversations} conversations, then warming up for {warmup.TotalSeconds} s");
        await load.WakeEach();
        await load.Saturate(concurrency, warmup, null);
        await load.Drain();

        BenchContext.Progress($"ingest/{store}: saturation, {concurrency} pushes in flight, {duration.TotalSeconds} s");
        var saturation = await load.MeasureSaturation(concurrency, duration);
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

        var parts = new List<string>
        {
            $"saturation {saturationRate:N0} msg/s ({saturationSummary}; {saturationCpuUse}, {saturation.CpuMicrosecondsPerMessage:N0} µs CPU and {saturation.AllocatedBytesPerMessage:N0} B allocated per message)",
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
}
