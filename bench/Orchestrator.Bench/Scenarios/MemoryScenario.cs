using System.Diagnostics;
using System.Runtime;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Load;
using Orchestrator.Bench.Results;

namespace Orchestrator.Bench.Scenarios;

/// <summary>
/// Retained managed memory per active conversation: N conversations are each given an agent session and a message by
/// push (so each holds its state, its actor, its sharding entry and its session-index entry), kept in memory
/// (passivation an hour away), and the heap after a full compacting collection is compared with the heap before.
/// <c>--session none</c> pushes one message instead: no agent session, so no session-index entry.
/// <c>--messages N</c> then gives each conversation N more agent messages (pushes of up to
/// <see cref="MessagesPerPush"/>), as a busy conversation has: its dedupe window holds their ids.
/// </summary>
internal sealed class MemoryScenario : IScenario
{
    private const int MessagesPerPush = 50;

    public string Name => "memory";

    public string Description => "retained bytes per active conversation (--conversations 10000 or 100000; --messages N for busy ones; --hold <s> to take a gcdump)";

    public bool UsesStore => true;

    public async Task<BenchResult> RunAsync(BenchContext context)
    {
        var args = context.Arguments;
        var count = args.Int("conversations", 10_000);
        var concurrency = args.Int("concurrency", 200);
        var hold = TimeSpan.FromSeconds(args.Number("hold", 0));
        var messages = args.Int("messages", 0);
        var withSession = args.Text("session", "agent") switch
        {
            "agent" => true,
            "none" => false,
            var other => throw new ArgumentException($"--session must be agent or none, not '{other}'."),
        };

        await using var rig = await BenchRig.StartAsync(context, new Dictionary<string, string?> { ["Orchestrator:Conversations:PassivateAfter"] = "01:00:00" });
        using var http = LoadHttp.Create(rig.Service.Address);
        var sender = new PushSender(http);

        BenchContext.Progress($"memory/{context.Store!.Name}: warm-up");
        await Activate(sender, ConversationTokens.Make("warm", 500), 1, withSession, concurrency, context.Cancellation);
        await Task.Delay(TimeSpan.FromSeconds(2), context.Cancellation);
        var heapBefore = SettledHeap();
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;

        BenchContext.Progress($"memory/{context.Store.Name}: activating {count} conversations");
        var started = Stopwatch.GetTimestamp();
        var tokens = ConversationTokens.Make("mem", count);
        var activated = await Activate(sender, tokens, 0, withSession, concurrency, context.Cancellation);
        var activationSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (activated.Failed > 0)
        {
            throw new InvalidOperationException($"{activated.Failed} activations failed: {sender.DescribeRefusals()}");
        }

        if (messages > 0)
        {
            BenchContext.Progress($"memory/{context.Store.Name}: {messages} more messages to each");
            var busy = await Busy(sender, tokens, messages, concurrency, context.Cancellation);
            if (busy.Failed > 0)
            {
                throw new InvalidOperationException($"{busy.Failed} pushes failed: {sender.DescribeRefusals()}");
            }
        }

        // Session-index registrations and snapshot bookkeeping finish after the pushes are acknowledged.
        await Task.Delay(TimeSpan.FromSeconds(3), context.Cancellation);
        var entities = await EntityCount(await rig.Service.ConversationRegion());
        var heapAfter = SettledHeap();
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;

        if (hold > TimeSpan.Zero)
        {
            // Time to look inside, e.g. `dotnet-gcdump collect -p <pid>`.
            BenchContext.Progress($"memory/{context.Store.Name}: holding for {hold.TotalSeconds} s (pid {Environment.ProcessId})");
            await Task.Delay(hold, context.Cancellation);
        }

        var perConversation = Math.Round((double)(heapAfter - heapBefore) / count);
        var workingSetPerConversation = Math.Round((double)(workingSetAfter - workingSetBefore) / count);
        var figures = new Dictionary<string, object>
        {
            ["conversations"] = count,
            ["agent_session"] = withSession,
            ["messages_per_conversation"] = messages,
            ["entities_in_memory"] = entities,
            ["heap_before_bytes"] = heapBefore,
            ["heap_after_bytes"] = heapAfter,
            ["retained_bytes_per_conversation"] = perConversation,
            ["working_set_bytes_per_conversation"] = workingSetPerConversation,
            ["activation_per_s"] = Math.Round(count / activationSeconds, 1),
            ["target_bytes_per_conversation"] = Targets.BytesPerConversation,
            ["target_working_set_bytes_per_conversation"] = Targets.WorkingSetBytesPerConversation,
        };
        var summary = $"memory {context.Store.Name}: {perConversation:N0} B retained per active conversation ({count:N0} conversations{(withSession ? " in agent sessions" : ", no session")}{(messages > 0 ? $", {messages} more messages each" : "")}, {entities:N0} entities in memory; "
            + $"heap {heapBefore / 1048576.0:0.0} → {heapAfter / 1048576.0:0.0} MiB; working set +{workingSetPerConversation:N0} B each) | target ≤ {Targets.BytesPerConversation:N0} B heap, ≤ {Targets.WorkingSetBytesPerConversation:N0} B working set";
        return context.Result(Name, figures, summary);
    }

    /// <summary>Each conversation: an agent session starts and the agent greets (two events, one push), or one message.</summary>
    internal static Task<LoadOutcome> Activate(PushSender sender, string[] tokens, int sessionSet, bool withSession, int concurrency, CancellationToken ct) =>
        PushEach(sender, tokens.Length, i => withSession
            ? PushPayloads.SessionStartAndGreeting(tokens[i], ConversationTokens.SessionOf(i, sessionSet))
            : PushPayloads.AgentMessages(tokens[i], ConversationTokens.SessionOf(i, sessionSet), "hello-", i, 1), concurrency, ct);

    /// <summary>Each conversation's <paramref name="messages"/> more agent messages, in its session, a push of up to <see cref="MessagesPerPush"/> at a time.</summary>
    private static Task<LoadOutcome> Busy(PushSender sender, string[] tokens, int messages, int concurrency, CancellationToken ct)
    {
        var pushesEach = (messages + MessagesPerPush - 1) / MessagesPerPush;
        return PushEach(sender, tokens.Length * pushesEach, n => Batch(tokens, n / pushesEach, n % pushesEach, messages), concurrency, ct);
    }

    /// <summary>Pushes <paramref name="payload"/>(0) … <paramref name="payload"/>(<paramref name="pushes"/> − 1), <paramref name="concurrency"/> at a time.</summary>
    private static Task<LoadOutcome> PushEach(PushSender sender, int pushes, Func<int, byte[]> payload, int concurrency, CancellationToken ct)
    {
        var next = -1;
        return ClosedLoop.RunAsync(
            concurrency,
            TimeSpan.FromHours(1),
            _ => Interlocked.Increment(ref next) is var n && n < pushes ? sender.SendAsync(payload(n), ct) : null,
            null,
            ct);
    }

    /// <summary>Push <paramref name="push"/> of conversation <paramref name="i"/> (a conversation's pushes may overlap: every id is new either way).</summary>
    private static byte[] Batch(string[] tokens, int i, int push, int messages)
    {
        var first = push * MessagesPerPush;
        return PushPayloads.AgentMessages(tokens[i], ConversationTokens.SessionOf(i, 0), $"busy-{i}-", first, Math.Min(MessagesPerPush, messages - first));
    }

    /// <summary>The managed heap after full, blocking, compacting collections (large objects included).</summary>
    internal static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<int> EntityCount(IActorRef region)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(30));
        return state.Shards.Sum(shard => shard.EntityIds.Count);
    }
}
