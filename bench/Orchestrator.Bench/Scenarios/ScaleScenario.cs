using System.Diagnostics;
using System.Globalization;
using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Load;
using Orchestrator.Bench.Measure;
using Orchestrator.Bench.Prefill;
using Orchestrator.Bench.Results;
using Orchestrator.Conversations.Domain;

namespace Orchestrator.Bench.Scenarios;

/// <summary>
/// Cost as volume grows: ingest (saturation, as the ingest scenario), wake of asleep conversations (as the wake
/// scenario) and recovery of one conversation (as the recover scenario) with N conversations in use, on a journal
/// already holding M events of other conversations (<see cref="JournalPrefill"/>). For each M: a fresh store,
/// the prefill, then per N ingest on N conversations and first contact of the conversations to wake; one service
/// restart (all asleep); per N their wake-up and the recoveries. One table, and the growth factor per measure.
/// </summary>
internal sealed class ScaleScenario : IScenario
{
    /// <summary>Agent sessions of the ingest, wake and recover phases, one set per conversation count each.</summary>
    private const int IngestSessions = 1;
    private const int WakeSessions = 10;
    private const int RecoverSessions = 20;

    public string Name => "scale";

    public string Description => "ingest, wake and recovery with 1k/10k/100k conversations on a journal prefilled with 0/1M/10M events";

    public bool UsesStore => true;

    public async Task<BenchResult> RunAsync(BenchContext context)
    {
        var args = context.Arguments;
        var counts = args.Ints("conversations", 1000, 10_000, 100_000);
        var prefills = args.Ints("prefill", 0, 1_000_000, 10_000_000);
        var prefillEvents = args.Int("prefill-events", 100);
        var concurrency = args.Int("concurrency", 1000);
        var duration = TimeSpan.FromSeconds(args.Number("duration", 15));
        var warmup = TimeSpan.FromSeconds(args.Number("warmup", 20));
        var wakeMax = args.Int("wake", 5000);
        var wakeConcurrency = args.Int("wake-concurrency", 200);
        var recoverEvents = args.Int("recover-events", 1000);
        var repeats = args.Int("repeats", 7);
        var store = context.Store!.Name;

        var figures = new Dictionary<string, object>();
        var points = new List<ScalePoint>();
        foreach (var prefill in prefills)
        {
            await using var rig = await BenchRig.StartAsync(context);
            if (prefill > 0)
            {
                var filled = await JournalPrefill.RunAsync(rig, context, prefill, prefillEvents);
                figures[$"prefill_{prefill}_events"] = filled.Events;
                figures[$"prefill_{prefill}_conversations"] = filled.Conversations;
                figures[$"prefill_{prefill}_seconds"] = Math.Round(filled.Elapsed.TotalSeconds, 1);
                figures[$"prefill_{prefill}_events_per_s"] = filled.EventsPerSecond;
                figures[$"prefill_{prefill}_probe_recovery_ms"] = filled.ProbeRecoveryMillis;
            }

            var level = counts.Select(n => new ScalePoint(n, prefill)).ToList();
            var recoverSeqs = new Dictionary<string, long>();
            for (var k = 0; k < level.Count; k++)
            {
                await Ingest(rig, context, level[k], k, concurrency, duration, warmup);
                await WakeNew(rig, context, level[k], WakeSessions + k, wakeMax, wakeConcurrency);
                BenchContext.Progress($"scale/{store}: writing {repeats} conversations of {recoverEvents} events to recover");
                var i = 0;
                foreach (var token in RecoverTokens(level[k], repeats))
                {
                    await RecoverScenario.Write(rig, token, recoverEvents, context.Cancellation, ConversationTokens.SessionOf(i++, RecoverSessions + k));
                    recoverSeqs[token] = await RecoverScenario.SeqOf(rig, new ConversationId(ServiceUnderTest.Tenant, token), context.Cancellation);
                }
            }

            BenchContext.Progress($"scale/{store}: restarting the service (every conversation asleep)");
            var restart = Stopwatch.GetTimestamp();
            await rig.RestartServiceAsync();
            figures[$"prefill_{prefill}_restart_s"] = Math.Round(Stopwatch.GetElapsedTime(restart).TotalSeconds, 2);
            await UntilAnswering(rig, context, level[0]);
            for (var k = 0; k < level.Count; k++)
            {
                var point = level[k];
                await WakeAsleep(rig, context, point, WakeSessions + k, wakeMax, wakeConcurrency);
                var times = new List<double>();
                foreach (var token in RecoverTokens(point, repeats))
                {
                    times.Add(await RecoverScenario.TimeWake(rig, new ConversationId(ServiceUnderTest.Tenant, token), recoverSeqs[token], context.Cancellation));
                }

                times.Sort();
                point.RecoverMedianMillis = times[times.Count / 2];
                point.AddTo(figures);
                BenchContext.Progress($"scale/{store}: {point.Row()}");
            }

            points.AddRange(level);
        }

        var growth = ScalePoint.GrowthFactors(points);
        foreach (var (measure, factor) in growth)
        {
            figures[$"growth_{measure.Replace(' ', '_').Replace("/", "per_", StringComparison.Ordinal)}"] = factor;
        }

        Console.WriteLine(ScalePoint.Header);
        foreach (var point in points)
        {
            Console.WriteLine(point.Row());
        }

        var growthLine = string.Join(", ", growth.Select(g => $"{g.Measure} ×{g.Factor}"));
        Console.WriteLine($"growth (worst/best): {growthLine}");
        var summary = $"scale {store}: {points.Count} points (conversations {string.Join('/', counts)} × prefill {string.Join('/', prefills)}), growth (worst/best) {growthLine} | target ≤ 1.2";
        return context.Result(Name, figures, summary);
    }

    private static async Task Ingest(BenchRig rig, BenchContext context, ScalePoint point, int set, int concurrency, TimeSpan duration, TimeSpan warmup)
    {
        using var http = LoadHttp.Create(rig.Service.Address);
        var load = new IngestLoad(new PushSender(http), ConversationTokens.Make($"scale-{point.Conversations}", point.Conversations), 1, IngestSessions + set, context.Cancellation);
        var inFlight = Math.Min(concurrency, point.Conversations);
        BenchContext.Progress($"scale/{context.Store!.Name}: {point.Key}: waking {point.Conversations} conversations, warm-up {warmup.TotalSeconds} s");
        await load.WakeEach();
        await load.Saturate(inFlight, warmup, null);
        await load.Drain();
        point.BackgroundCoresBeforeRun = await BackgroundLoad.MeasureAsync(context.Cancellation);
        point.LoadAverage = LoadAverage();
        BenchContext.Progress($"scale/{context.Store.Name}: {point.Key}: saturation, {inFlight} in flight, {duration.TotalSeconds} s (background {point.BackgroundCoresBeforeRun:0.00} cores, load {point.LoadAverage})");
        var saturation = await load.MeasureSaturation(inFlight, duration);
        point.IngestPerSecond = saturation.MessagesPerSecond;
        point.IngestP99Millis = saturation.Ack.P99;
        point.IngestCpuMicrosecondsPerMessage = saturation.CpuMicrosecondsPerMessage;
    }

    private static async Task WakeNew(BenchRig rig, BenchContext context, ScalePoint point, int sessionSet, int wakeMax, int concurrency)
    {
        var tokens = WakeTokens(point, wakeMax);
        var outcome = await WakeScenario.PushToEach(rig, tokens, "first-", concurrency, context, null, sessionSet);
        point.WakeNewPerSecond = outcome.SucceededPerSecond;
    }

    private static async Task WakeAsleep(BenchRig rig, BenchContext context, ScalePoint point, int sessionSet, int wakeMax, int concurrency)
    {
        var tokens = WakeTokens(point, wakeMax);
        BenchContext.Progress($"scale/{context.Store!.Name}: {point.Key}: wake-up of {tokens.Length} asleep conversations");
        var latencies = new LatencyRecorder(tokens.Length);
        var outcome = await WakeScenario.PushToEach(rig, tokens, "second-", concurrency, context, latencies, sessionSet);
        point.WakeAsleepFailed = outcome.Failed;
        point.WakeAsleepPerSecond = outcome.SucceededPerSecond;
        point.WakeAsleepP99Millis = latencies.Summarize().P99;
    }

    /// <summary>
    /// After a restart the shard regions and singletons take a moment to settle (pushes answered 503 meanwhile): a
    /// round of pushes to 200 conversations of the first ingest phase, again until none is refused.
    /// </summary>
    private static async Task UntilAnswering(BenchRig rig, BenchContext context, ScalePoint first)
    {
        var tokens = ConversationTokens.Make($"scale-{first.Conversations}", Math.Min(200, first.Conversations));
        for (var round = 0; ; round++)
        {
            var outcome = await WakeScenario.PushToEach(rig, tokens, $"settle{round}-", 200, context, null, IngestSessions);
            if (outcome.Failed == 0 || round == 20)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), context.Cancellation);
        }
    }

    private static string[] WakeTokens(ScalePoint point, int wakeMax) =>
        ConversationTokens.Make($"scale-wake-{point.Conversations}", Math.Min(wakeMax, point.Conversations));

    private static IEnumerable<string> RecoverTokens(ScalePoint point, int repeats) =>
        Enumerable.Range(0, repeats).Select(i => $"scale-recover-{point.Conversations}-{i}");

    private static double LoadAverage() =>
        double.TryParse(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "", CultureInfo.InvariantCulture, out var load) ? load : 0;
}
