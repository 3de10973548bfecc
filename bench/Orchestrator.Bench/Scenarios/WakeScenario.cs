using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Load;
using Orchestrator.Bench.Measure;
using Orchestrator.Bench.Results;

namespace Orchestrator.Bench.Scenarios;

/// <summary>
/// First contact of N new conversations (an agent message pushed to a token never seen: spawn, recovery of nothing,
/// first event persisted), then, after a service restart (every conversation asleep, as after passivation), the
/// wake-up of the same N by their second push: spawn, recovery of their events, one more event persisted.
/// </summary>
internal sealed class WakeScenario : IScenario
{
    public string Name => "wake";

    public string Description => "first contact of N new conversations, then wake-up of N asleep ones (conversations/s)";

    public bool UsesStore => true;

    public async Task<BenchResult> RunAsync(BenchContext context)
    {
        var args = context.Arguments;
        var count = args.Int("conversations", 5000);
        var concurrency = args.Int("concurrency", 200);

        var warmupCount = args.Int("warmup-conversations", 10_000);

        await using var rig = await BenchRig.StartAsync(context);
        var tokens = ConversationTokens.Make("wake", count);

        // The whole cycle once on other conversations first: the runtime compiles the hot paths again at higher tiers
        // during its first tens of seconds under load, and that would be counted otherwise.
        BenchContext.Progress($"wake/{context.Store!.Name}: warm-up cycle on {warmupCount} conversations");
        var warm = ConversationTokens.Make("warm", warmupCount);
        await PushToEach(rig, warm, "w1-", concurrency, context, null);
        await rig.RestartServiceAsync();
        await PushToEach(rig, warm, "w2-", concurrency, context, null);

        BenchContext.Progress($"wake/{context.Store.Name}: first contact of {count} new conversations, {concurrency} at a time");
        var newLatencies = new LatencyRecorder(count);
        var newCpu = new CpuMeter();
        var fresh = await PushToEach(rig, tokens, "first-", concurrency, context, newLatencies);
        var newCpuUse = newCpu.Read();

        BenchContext.Progress($"wake/{context.Store.Name}: restarting the service (every conversation asleep)");
        await rig.RestartServiceAsync();
        await PushToEach(rig, warm.Take(200).ToArray(), "w3-", concurrency, context, null);

        BenchContext.Progress($"wake/{context.Store.Name}: wake-up of the {count} asleep conversations");
        var wakeLatencies = new LatencyRecorder(count);
        var wakeCpu = new CpuMeter();
        var asleep = await PushToEach(rig, tokens, "second-", concurrency, context, wakeLatencies);
        var wakeCpuUse = wakeCpu.Read();

        var newSummary = newLatencies.Summarize();
        var wakeSummary = wakeLatencies.Summarize();
        var figures = new Dictionary<string, object>
        {
            ["conversations"] = count,
            ["concurrency"] = concurrency,
            ["new_per_s"] = fresh.SucceededPerSecond,
            ["new_failed"] = fresh.Failed,
            ["asleep_per_s"] = asleep.SucceededPerSecond,
            ["asleep_failed"] = asleep.Failed,
            ["target_new_per_s_sqlite"] = Targets.WakeNewPerSecondSqlite,
        };
        newSummary.AddTo(figures, "new");
        wakeSummary.AddTo(figures, "asleep");
        newCpuUse.AddTo(figures, "new_cpu");
        wakeCpuUse.AddTo(figures, "asleep_cpu");
        figures["new_cpu_us_per_conversation"] = newCpuUse.MicrosecondsPer(fresh.Succeeded);
        figures["asleep_cpu_us_per_conversation"] = wakeCpuUse.MicrosecondsPer(asleep.Succeeded);
        figures["new_allocated_bytes_per_conversation"] = newCpuUse.AllocatedBytesPer(fresh.Succeeded);
        figures["asleep_allocated_bytes_per_conversation"] = wakeCpuUse.AllocatedBytesPer(asleep.Succeeded);

        var summary = $"wake {context.Store.Name}: new {fresh.SucceededPerSecond:N0} conversations/s ({newSummary}; {newCpuUse}, {newCpuUse.MicrosecondsPer(fresh.Succeeded):N0} µs CPU each) | "
            + $"asleep {asleep.SucceededPerSecond:N0} conversations/s ({wakeSummary}; {wakeCpuUse}, {wakeCpuUse.MicrosecondsPer(asleep.Succeeded):N0} µs CPU each) | "
            + $"{count} conversations, {concurrency} at a time, failures {fresh.Failed + asleep.Failed} | target {Targets.WakeNewPerSecondSqlite:N0} new/s (SQLite)";
        return context.Result(Name, figures, summary);
    }

    /// <summary>
    /// One push of one agent message to each token, <paramref name="concurrency"/> at a time; agent sessions from
    /// <paramref name="sessionSet"/> (see <see cref="ConversationTokens.SessionOf"/>).
    /// </summary>
    internal static async Task<LoadOutcome> PushToEach(BenchRig rig, string[] tokens, string idPrefix, int concurrency, BenchContext context, LatencyRecorder? latencies, int sessionSet = 0)
    {
        using var http = LoadHttp.Create(rig.Service.Address);
        var sender = new PushSender(http);
        var next = -1;
        var outcome = await ClosedLoop.RunAsync(
            concurrency,
            TimeSpan.FromHours(1),
            _ => Interlocked.Increment(ref next) is var i && i < tokens.Length
                ? sender.SendAsync(PushPayloads.AgentMessages(tokens[i], ConversationTokens.SessionOf(i, sessionSet), idPrefix, i, 1), context.Cancellation)
                : null,
            latencies,
            context.Cancellation);
        if (outcome.Failed > 0)
        {
            BenchContext.Progress($"  refused: {sender.DescribeRefusals()}");
        }

        return outcome;
    }
}
