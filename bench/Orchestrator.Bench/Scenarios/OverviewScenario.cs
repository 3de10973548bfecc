using System.Diagnostics;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Load;
using Orchestrator.Bench.Results;
using Orchestrator.Conversations.Overview;
using static Orchestrator.Conversations.Overview.OverviewMessages;

namespace Orchestrator.Bench.Scenarios;

/// <summary>
/// What the operations console's overview costs a node when it starts: N conversations are written through the
/// service (an agent session and a greeting each, by push, as <see cref="MemoryScenario"/>), then a second overview
/// actor follows the journal from offset 0 on the same node, as every node's does at start. Measured: the time until
/// it has read to the journal's end, events per second, and the heap its overview retains per conversation (what
/// stopping it frees).
/// </summary>
internal sealed class OverviewScenario : IScenario
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public string Name => "overview";

    public string Description => "the console overview's start: the journal read from offset 0, and retained bytes per conversation (--conversations 10000)";

    public bool UsesStore => true;

    public async Task<BenchResult> RunAsync(BenchContext context)
    {
        var args = context.Arguments;
        var count = args.Int("conversations", 10_000);
        var concurrency = args.Int("concurrency", 200);

        // Conversations stay in memory (as in the memory scenario), so nothing else frees memory while it is measured;
        // an operator key, because a node keeps the overview only where the console is served.
        await using var rig = await BenchRig.StartAsync(context, new Dictionary<string, string?>
        {
            ["Orchestrator:Conversations:PassivateAfter"] = "01:00:00",
            ["Orchestrator:Management:Key"] = "bench-operator-key-0123456789",
        });
        using var http = LoadHttp.Create(rig.Service.Address);
        var sender = new PushSender(http);
        BenchContext.Progress($"overview/{context.Store!.Name}: writing {count} conversations");
        var written = await MemoryScenario.Activate(sender, ConversationTokens.Make("overview", count), 0, true, concurrency, context.Cancellation);
        if (written.Failed > 0)
        {
            throw new InvalidOperationException($"{written.Failed} conversations failed: {sender.DescribeRefusals()}");
        }

        var system = rig.Service.Services.GetRequiredService<ActorSystem>();
        var end = await Until(ActorRegistry.For(system).Get<ConversationOverviewActor>(), r => r.Conversations >= count, context.Cancellation);

        BenchContext.Progress($"overview/{context.Store.Name}: following the journal from offset 0 to {end.Offset}");
        var started = Stopwatch.GetTimestamp();
        var fresh = system.ActorOf(ConversationOverviewActor.Props(ConversationOverviewHostingExtensions.AllEvents(system), TimeSpan.FromSeconds(1)), "overview-bench");
        var caughtUp = await Until(fresh, r => r.Offset >= end.Offset, context.Cancellation);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // Its overview is what stopping it frees: measured back to back, so the rest of the node hardly moves meanwhile.
        var heapWith = MemoryScenario.SettledHeap();
        await fresh.GracefulStop(AskTimeout);
        var heapWithout = MemoryScenario.SettledHeap();
        var perConversation = Math.Round((double)(heapWith - heapWithout) / caughtUp.Conversations);
        var figures = new Dictionary<string, object>
        {
            ["conversations"] = caughtUp.Conversations,
            ["journal_events"] = end.Offset,
            ["catch_up_seconds"] = Math.Round(seconds, 2),
            ["events_per_s"] = Math.Round(end.Offset / seconds),
            ["retained_bytes_per_conversation"] = perConversation,
        };
        var summary = $"overview {context.Store.Name}: {end.Offset:N0} journal events ({caughtUp.Conversations:N0} conversations) read from offset 0 in {seconds:0.00} s "
            + $"({end.Offset / seconds:N0} events/s); {perConversation:N0} B retained per conversation";
        return context.Result(Name, figures, summary);
    }

    /// <summary>Asks the default tenant's reading until it holds (the overview follows the journal on its own).</summary>
    private static async Task<OverviewReading> Until(IActorRef overview, Func<OverviewReading, bool> holds, CancellationToken ct)
    {
        while (true)
        {
            var reading = await overview.Ask<OverviewReading>(new ReadOverview(ServiceUnderTest.Tenant), AskTimeout, ct);
            if (holds(reading))
            {
                return reading;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
    }
}
