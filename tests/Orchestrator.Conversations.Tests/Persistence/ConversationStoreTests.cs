using Orchestrator.Udesk.Sessions;
using System.Text.Json;
using Akka.Cluster.Sharding;
using Akka.Actor;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Serialization;
using Orchestrator.Conversations.Tests.Domain;
using Orchestrator.Conversations.Tests.Support;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Persistence;

/// <summary>Conversations on the real stores, through the shard region, across host restarts.</summary>
public sealed class ConversationStoreTests : IDisposable
{
    private readonly ConversationFixture fixture = new(new ConversationSettings
    {
        RetryMinBackoff = TimeSpan.FromMilliseconds(20),
        RetryMaxBackoff = TimeSpan.FromMilliseconds(200),
        SnapshotEvery = 4,
    });

    private readonly ConversationId id = new(ConversationId.DefaultTenant, $"customer-{Guid.NewGuid():N}");

    public static TheoryData<string> Stores() => TestStores.All();

    public void Dispose() => fixture.Dispose();

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task A_whole_journey_is_journaled_as_readable_json_and_survives_a_restart(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        fixture.Udesk.AnswerSessions("""{"code":2001,"message":"queued","assign_type":"agent","assign_info":{"count":2,"queue":"q:1"}}""");
        ConversationState before;
        await using (var host = await Start(store))
        {
            Assert.IsType<Accepted>(await host.Ask(new RequestSession(id, new SessionRequest { AssignType = AssignType.Agent })));
            await host.Until(id, s => s.Status == ConversationStatus.Queued);
            await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("start_session", "s1", 3, agentId: 7, agentName: "Ann"), Pushes.Agent("message", "w1", 3, "welcome")]));
            await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("transfer", "t1", 4, "transferred", 9, "Jerry")]));
            await host.Ask(new SendMessage(id, "m1", "message", new MessagePayload { Content = "still there?" }));
            await host.Until(id, s => s.Outbox.IsEmpty);
            await host.Ask(Pushes.Batch(id, "agent", [Pushes.Close("c1", 4, "agent_close")]));
            before = await host.StateOf(id);
        }

        await using var restarted = await Start(store);
        var after = await restarted.StateOf(id);

        Assert.Equal(ConversationStatus.Closed, after.Status);
        Assert.Equal(new SessionId(4), after.ImSubSessionId);
        Assert.Equal([new SessionId(3)], after.PreviousSessionIds);
        Assert.Equal("agent_close", after.CloseType);
        Assert.Equal(Json(before), Json(after));
        Assert.Equal(4, fixture.Udesk.Bodies("/im/messages").Single()!["im_sub_session_id"]!.GetValue<long>());
        var journal = await new StoreInspector(store).JournalOf(id.PersistenceId);
        Assert.Equal(Enumerable.Range(1, (int)before.Seq).Select(i => (long)i), journal.Select(r => r.Seq));
        Assert.Contains(journal, r => r.Manifest == "conversation.session-transferred" && JsonDocument.Parse(r.Json).RootElement.GetProperty("toSessionId").GetInt64() == 4);
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Recovery_from_a_snapshot_restores_the_exact_state(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        var inspector = new StoreInspector(store);
        ConversationState before;
        long snapshotSeq;
        await using (var host = await Start(store))
        {
            foreach (var i in Enumerable.Range(1, 10))
            {
                await host.Ask(Pushes.Batch(id, "robot", [Pushes.Robot($"r{i}", $"answer {i}")]));
            }

            before = await host.StateOf(id);
            // Snapshots keep recovery within SnapshotEvery events of the end (their phase differs per conversation).
            await Eventually.True(async () => await inspector.LatestSnapshotSeq(id.PersistenceId) > before.Seq - fixture.Settings.SnapshotEvery, "a snapshot of the latest events");
            snapshotSeq = (await inspector.LatestSnapshotSeq(id.PersistenceId))!.Value;
        }

        // Without the events the snapshot covers, only the snapshot can give the state back.
        await inspector.DeleteEventsUpTo(id.PersistenceId, snapshotSeq);
        await using var restarted = await Start(store);

        Assert.Equal(Json(before), Json(await restarted.StateOf(id)));
        Assert.True((await restarted.StateOf(id)).SeenPushIds.Contains("r1"));
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Calls_accepted_while_udesk_is_down_are_made_in_order_after_a_restart(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using (var host = await Start(store))
        {
            await host.Ask(new RequestSession(id, new SessionRequest()));
            await host.Until(id, s => s.Status == ConversationStatus.Robot);
            fixture.Udesk.Down = true;
            foreach (var i in Enumerable.Range(1, 5))
            {
                Assert.IsType<Accepted>(await host.Ask(new SendMessage(id, $"m{i}", "message", new MessagePayload { Content = $"text {i}" })));
            }
        }

        fixture.Udesk.Down = false;
        await using var restarted = await Start(store);
        await restarted.Until(id, s => s.Outbox.IsEmpty);

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"m{i}"), fixture.Udesk.Bodies("/im/messages").Select(b => b!["message_id"]!.GetValue<string>()));
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Dedupe_and_idempotency_survive_a_restart(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        Accepted first;
        long seqBefore;
        await using (var host = await Start(store))
        {
            await host.Ask(new RequestSession(id, new SessionRequest()));
            await host.Until(id, s => s.Status == ConversationStatus.Robot);
            first = Assert.IsType<Accepted>(await host.Ask(new SendMessage(id, "m1", "message", new MessagePayload { Content = "hi" })));
            await host.Ask(Pushes.Batch(id, "robot", [Pushes.Robot("r1", "hello")]));
            await host.Until(id, s => s.Outbox.IsEmpty);
            seqBefore = (await host.StateOf(id)).Seq;
        }

        await using var restarted = await Start(store);

        Assert.Equal(new AlreadyAccepted(first.Seq), await restarted.Ask(new SendMessage(id, "m1", "message", new MessagePayload { Content = "hi" })));
        await restarted.Ask(Pushes.Batch(id, "robot", [Pushes.Robot("r1", "hello")]));
        // Both repeats are recognised after the restart: each is only recorded as a dropped duplicate.
        Assert.Equal(seqBefore + 2, (await restarted.StateOf(id)).Seq);
        var repeats = (await new StoreInspector(store).JournalOf(id.PersistenceId)).Where(r => r.Seq > seqBefore).Select(r => r.Manifest);
        Assert.Equal(["conversation.duplicate-dropped", "conversation.duplicate-dropped"], repeats);
        Assert.Single(fixture.Udesk.Bodies("/im/messages"));
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task An_idle_conversation_passivates_and_wakes_up_from_the_store(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        fixture.Settings.PassivateAfter = TimeSpan.FromMilliseconds(300);
        await using var host = await Start(store);
        await host.Ask(Pushes.Batch(id, "robot", [Pushes.Robot("r1", "hello")]));

        await Eventually.True(async () => await EntityCount(host) == 0, "the idle conversation should have passivated");
        var woken = await host.StateOf(id);

        Assert.Equal(1, woken.Seq);
        Assert.True(woken.SeenPushIds.Contains("r1"));
        Assert.Equal(1, await EntityCount(host));
    }

    private Task<ConversationHost> Start(ConversationStoreOptions store) =>
        ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store));

    private static async Task<int> EntityCount(ConversationHost host)
    {
        var state = await host.Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
        return state.Shards.Sum(s => s.EntityIds.Count);
    }

    private static string Json(ConversationState state) => JsonSerializer.Serialize(state, ConversationSerializer.Options);
}
