using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Load;
using Orchestrator.Bench.Measure;
using Orchestrator.Bench.Results;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Bench.Scenarios;

/// <summary>
/// Customer messages from the platform (<c>POST /v1/conversations/{token}/messages</c>) through each conversation's
/// outbox and the company call budget to the simulator, in agent sessions. The budget (60 calls a minute by default)
/// bounds this by design, so the run raises it on both sides (<c>--budget</c>, calls per minute) and reports the
/// simulator's count of rate-limit violations, which must be 0.
/// </summary>
internal sealed class SendScenario : IScenario
{
    public string Name => "send";

    public string Description => "platform messages through the outbox to the simulator: messages/s end to end, rate-limit violations";

    public bool UsesStore => true;

    public async Task<BenchResult> RunAsync(BenchContext context)
    {
        var args = context.Arguments;
        var conversations = args.Int("conversations", 100);
        var perConversation = args.Int("messages", 100);
        var budget = args.Int("budget", 1_000_000);
        var total = conversations * perConversation;

        await using var rig = await BenchRig.StartAsync(
            context,
            new Dictionary<string, string?> { ["Orchestrator:Udesk:Limits:CallsPerMinute"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new SimulatorOptions { Seed = 20261101, CompanyCallsPerMinute = budget, LogCapacity = 1000 });
        rig.Udesk.World.SetAgent(PushPayloads.AgentId, capacity: conversations + 10);
        var tokens = ConversationTokens.Make("send", conversations);

        BenchContext.Progress($"send/{context.Store!.Name}: {conversations} agent sessions (budget {budget} calls/min)");
        var sessionsStarted = Stopwatch.GetTimestamp();
        await Task.WhenAll(tokens.Select(token => Accepted(rig.Service.Api.PostAsJsonAsync($"v1/conversations/{token}/session", new JsonObject { ["assign_type"] = "agent", ["agent_id"] = PushPayloads.AgentId }, context.Cancellation))));
        await WaitFor(() => OpenSessions(rig, tokens) == conversations, TimeSpan.FromMinutes(10), "every agent session to open", context.Cancellation);
        var sessionsElapsed = Stopwatch.GetElapsedTime(sessionsStarted);

        BenchContext.Progress($"send/{context.Store.Name}: {perConversation} messages in each of {conversations} conversations ({total} in all)");
        var latencies = new LatencyRecorder(total);
        var cpu = new CpuMeter();
        var start = Stopwatch.GetTimestamp();
        var sent = new int[conversations];
        var accepted = await ClosedLoop.RunAsync(
            conversations,
            TimeSpan.FromHours(1),
            worker => sent[worker] < perConversation ? Send(rig, tokens[worker], $"c{worker}-{sent[worker]++}", context.Cancellation) : null,
            latencies,
            context.Cancellation);
        var acceptedElapsed = Stopwatch.GetElapsedTime(start);
        await WaitFor(() => Delivered(rig, tokens) >= accepted.Succeeded, TimeSpan.FromMinutes(30), "the simulator to receive every message", context.Cancellation);
        var deliveredElapsed = Stopwatch.GetElapsedTime(start);
        var cpuUse = cpu.Read();
        var delivered = Delivered(rig, tokens);
        var violations = rig.Udesk.RateLimits.Violations.Count;
        var acceptSummary = latencies.Summarize();

        var deliveredPerSecond = Math.Round(delivered / deliveredElapsed.TotalSeconds, 1);
        var figures = new Dictionary<string, object>
        {
            ["conversations"] = conversations,
            ["messages"] = total,
            ["budget_calls_per_min"] = budget,
            ["sessions_opened_per_s"] = Math.Round(conversations / sessionsElapsed.TotalSeconds, 1),
            ["accepted_per_s"] = Math.Round(accepted.Succeeded / acceptedElapsed.TotalSeconds, 1),
            ["accept_failed"] = accepted.Failed,
            ["delivered"] = delivered,
            ["delivered_per_s"] = deliveredPerSecond,
            ["delivered_calls_per_min"] = Math.Round(deliveredPerSecond * 60),
            ["rate_limit_violations"] = violations,
        };
        acceptSummary.AddTo(figures, "accept");
        cpuUse.AddTo(figures, "cpu");
        figures["cpu_us_per_message"] = cpuUse.MicrosecondsPer(delivered);
        figures["allocated_bytes_per_message"] = cpuUse.AllocatedBytesPer(delivered);

        var summary = $"send {context.Store.Name}: {deliveredPerSecond:N0} msg/s delivered end to end ({delivered}/{total} in {deliveredElapsed.TotalSeconds:0.0} s), "
            + $"violations {violations} | accepted {figures["accepted_per_s"]:N0}/s, 202 {acceptSummary} | {cpuUse}, "
            + $"{cpuUse.MicrosecondsPer(delivered):N0} µs CPU and {cpuUse.AllocatedBytesPer(delivered):N0} B allocated per message (the simulator's share included) | "
            + $"{conversations} conversations, budget {budget:N0} calls/min on both sides";
        return context.Result(Name, figures, summary);
    }

    private static async Task<bool> Send(BenchRig rig, string token, string messageId, CancellationToken ct)
    {
        using var response = await rig.Service.Api.PostAsJsonAsync(
            $"v1/conversations/{token}/messages",
            new JsonObject { ["message_id"] = messageId, ["type"] = "message", ["data"] = new JsonObject { ["content"] = "Where is my order? It was due yesterday." } },
            ct);
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    private static async Task Accepted(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Expected 202, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static int OpenSessions(BenchRig rig, string[] tokens)
    {
        var ours = tokens.ToHashSet();
        return rig.Udesk.World.Sessions.Count(s => s.Open && ours.Contains(s.CustomerToken));
    }

    /// <summary>Customer messages the simulator accepted into our conversations' sessions.</summary>
    private static long Delivered(BenchRig rig, string[] tokens)
    {
        var ours = tokens.ToHashSet();
        return rig.Udesk.World.Sessions.Where(s => ours.Contains(s.CustomerToken)).Sum(s => (long)s.CustomerMessageIds.Count);
    }

    private static async Task WaitFor(Func<bool> condition, TimeSpan timeout, string what, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            // Each look builds a view of every session: often enough to time the end within 1%, rarely enough to cost little.
            await Task.Delay(100, ct);
        }
    }
}
