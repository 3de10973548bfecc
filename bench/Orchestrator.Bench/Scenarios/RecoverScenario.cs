using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Load;
using Orchestrator.Bench.Results;
using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Domain.ConversationCommands;

namespace Orchestrator.Bench.Scenarios;

/// <summary>
/// Recovery of one conversation with 1k and 10k events, with snapshots (every 200 events, the default) and without:
/// the events are pushed in batches of 100, the conversation is left to passivate, and the time from a command to
/// its answer (spawn + recovery + reply) is measured, several times, each after it passivated again.
/// </summary>
internal sealed class RecoverScenario : IScenario
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PassivateAfter = TimeSpan.FromMilliseconds(300);

    public string Name => "recover";

    public string Description => "recovery time of one conversation with 1k and 10k events, with and without snapshots";

    public bool UsesStore => true;

    public async Task<BenchResult> RunAsync(BenchContext context)
    {
        var args = context.Arguments;
        var sizes = args.Ints("events", 1000, 10_000);
        var repeats = args.Int("repeats", 7);
        var snapshotEvery = args.Int("snapshot-every", 200);

        var figures = new Dictionary<string, object> { ["snapshot_every"] = snapshotEvery, ["repeats"] = repeats };
        var parts = new List<string>();
        foreach (var snapshots in new[] { true, false })
        {
            await using var rig = await BenchRig.StartAsync(context, new Dictionary<string, string?>
            {
                ["Orchestrator:Conversations:SnapshotEvery"] = snapshots ? snapshotEvery.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1000000",
                ["Orchestrator:Conversations:PassivateAfter"] = PassivateAfter.ToString(),
            });
            foreach (var size in sizes)
            {
                var token = $"recover-{size}";
                BenchContext.Progress($"recover/{context.Store!.Name}: writing {size} events {(snapshots ? "with" : "without")} snapshots");
                await Write(rig, token, size, context.Cancellation);
                var id = new ConversationId(ServiceUnderTest.Tenant, token);
                var expectedSeq = await SeqOf(rig, id, context.Cancellation);

                var times = new List<double>();
                for (var i = 0; i < repeats; i++)
                {
                    times.Add(await TimeRecovery(rig, id, expectedSeq, context.Cancellation));
                }

                times.Sort();
                var median = times[times.Count / 2];
                var key = $"{(snapshots ? "snapshots" : "no_snapshots")}_{size}";
                figures[$"{key}_median_ms"] = median;
                figures[$"{key}_min_ms"] = times[0];
                figures[$"{key}_max_ms"] = times[^1];
                parts.Add($"{size / 1000}k events {(snapshots ? "with" : "without")} snapshots {median:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0})");
            }
        }

        figures["target_10k_with_snapshots_ms"] = Targets.Recover10kSnapshotMillis;
        var summary = $"recover {context.Store!.Name}: " + string.Join(", ", parts) + $" | median of {repeats}, snapshot every {snapshotEvery} | target 10k with snapshots < {Targets.Recover10kSnapshotMillis} ms";
        return context.Result(Name, figures, summary);
    }

    /// <summary>
    /// Writes <paramref name="events"/> agent messages to <paramref name="token"/>, 100 per push, in agent session
    /// <paramref name="sessionId"/> (default: the first of <see cref="ConversationTokens.SessionOf"/>). A session
    /// another conversation already holds costs the new one an extra event.
    /// </summary>
    internal static async Task Write(BenchRig rig, string token, int events, CancellationToken ct, long? sessionId = null)
    {
        using var http = LoadHttp.Create(rig.Service.Address);
        var sender = new PushSender(http);
        for (var written = 0; written < events; written += BatchSize)
        {
            var body = PushPayloads.AgentMessages(token, sessionId ?? ConversationTokens.SessionOf(0), "r", written, Math.Min(BatchSize, events - written));
            if (!await sender.SendAsync(body, ct))
            {
                throw new InvalidOperationException($"A push was refused while writing events: {sender.DescribeRefusals()}");
            }
        }
    }

    /// <summary>
    /// The sequence number an awake conversation is at: what it must recover to once asleep (its events, and the
    /// session start the first agent message of a session records).
    /// </summary>
    internal static async Task<long> SeqOf(BenchRig rig, ConversationId id, CancellationToken ct) =>
        await rig.Service.Conversations.Ask(new GetState(id), TimeSpan.FromSeconds(30), ct) is ConversationReplies.State state
            ? state.Conversation.Seq
            : throw new InvalidOperationException($"{id} did not answer its state.");

    /// <summary>Waits until the conversation has passivated, then times a command that wakes it.</summary>
    private static async Task<double> TimeRecovery(BenchRig rig, ConversationId id, long expectedSeq, CancellationToken ct)
    {
        var region = await rig.Service.ConversationRegion();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await IsAwake(region, id.EntityId))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{id} did not passivate.");
            }

            await Task.Delay(50, ct);
        }

        return await TimeWake(rig, id, expectedSeq, ct);
    }

    /// <summary>
    /// Times a command to an asleep conversation until its answer (spawn + recovery + reply), and fails loudly unless
    /// it recovered to <paramref name="expectedSeq"/>.
    /// </summary>
    internal static async Task<double> TimeWake(BenchRig rig, ConversationId id, long expectedSeq, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await rig.Service.Conversations.Ask(new GetState(id), TimeSpan.FromSeconds(30), ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (reply is not ConversationReplies.State { Conversation.Seq: var seq } || seq != expectedSeq)
        {
            throw new InvalidOperationException($"{id} recovered to {reply}, expected sequence number {expectedSeq}.");
        }

        return Math.Round(elapsed, 2);
    }

    private static async Task<bool> IsAwake(IActorRef region, string entityId)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
        return state.Shards.Any(shard => shard.EntityIds.Contains(entityId));
    }
}
