using Akka.Actor;
using Akka.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Retention;
using Orchestrator.Conversations.Tests.Domain;
using Orchestrator.Conversations.Tests.Persistence;
using Orchestrator.Conversations.Tests.Support;
using Orchestrator.Udesk.Sessions;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Retention;

/// <summary>Erasing a conversation on the real stores, checked by reading the tables directly.</summary>
public sealed class ErasureTests : IDisposable
{
    private readonly ConversationFixture fixture = new(new ConversationSettings
    {
        RetryMinBackoff = TimeSpan.FromMilliseconds(20),
        RetryMaxBackoff = TimeSpan.FromMilliseconds(200),
        SnapshotEvery = 4,
    });

    private readonly ConversationId id = new(ConversationId.DefaultTenant, $"erased-{Guid.NewGuid():N}");
    private readonly string secret = $"secret-{Guid.NewGuid():N}";

    public static TheoryData<string> Stores() => TestStores.All();

    public void Dispose() => fixture.Dispose();

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task An_erased_conversation_leaves_no_payload_in_any_table_and_a_later_request_starts_afresh(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        var tables = new StoreInspector(store);
        await using var host = await Start(store);
        var closed = await ClosedJourney(host);
        Assert.True(await tables.AnyPayloadContains(secret), "the journey's messages are in the journal before the erasure");
        Assert.True(await tables.Count("snapshot", id.PersistenceId) > 0, "a snapshot was taken before the erasure");

        var erased = Assert.IsType<ConversationErased>(await host.Ask(new EraseConversation(id, ErasureReason.Request) { IssuedBy = "crm" }));

        Assert.Equal(closed.Seq, erased.Events);
        // The snapshots taken, older ones too if their deletion was still on its way.
        Assert.True(erased.Snapshots >= 1, $"snapshots deleted: {erased.Snapshots}");
        Assert.Equal([3L, 4L], erased.Sessions.Order());
        Assert.False(await tables.AnyPayloadContains(secret), "no payload of the erased conversation remains");
        Assert.Equal([(closed.Seq, true, "")], await tables.JournalRows(id.PersistenceId));
        Assert.Equal(0, await tables.Count("snapshot", id.PersistenceId));
        await Eventually.True(
            async () => await tables.Count("journal", "session/default/3") + await tables.Count("journal", "session/default/4") == 0, "the session index entries erased");
        Assert.False(await tables.AnyPayloadContains(id.CustomerToken), "no payload names the customer any more");

        fixture.Udesk.AnswerSessions("""{"code":1000,"message":"robot","assign_type":"robot","assign_info":{"welcome":"hello again"}}""");
        var fresh = Assert.IsType<Accepted>(await host.Ask(new RequestSession(id, new SessionRequest { AssignType = AssignType.Robot })));
        Assert.Equal(closed.Seq + 1, fresh.Seq);
        await host.Until(id, s => s.Status == ConversationStatus.Robot);
        var state = await host.StateOf(id);
        Assert.Empty(state.PreviousSessionIds);
        Assert.Null(state.ImSubSessionId);
        Assert.Equal(0, state.AcceptedMessageIds.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task With_a_session_open_at_Udesk_nothing_is_erased(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        var tables = new StoreInspector(store);
        await using var host = await Start(store);
        await AgentSession(host);
        var rows = await tables.JournalRows(id.PersistenceId);

        var refused = Assert.IsType<Rejected>(await host.Ask(new EraseConversation(id, ErasureReason.Request)));

        Assert.Equal(RejectionReason.Conflict, refused.Reason);
        Assert.Contains("open session at Udesk", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(rows, await tables.JournalRows(id.PersistenceId));
        Assert.Equal(ConversationStatus.Agent, (await host.StateOf(id)).Status);
    }

    /// <summary>
    /// Why <see cref="JournalEraser"/> exists: Akka.Persistence.Sql's own deletion keeps the highest event's row,
    /// payload and all (only marked deleted), so <c>DeleteMessages</c> alone would leave customer data on disk.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task The_plugins_own_deletion_keeps_the_newest_payload(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var host = await Start(store);
        var probe = host.System.ActorOf(Props.Create(() => new Deleting("plugin-delete-probe")));

        Assert.Equal("deleted", await probe.Ask<string>(new[] { "first", "second", secret }, TimeSpan.FromSeconds(30)));

        var rows = await new StoreInspector(store).JournalRows("plugin-delete-probe");
        var kept = Assert.Single(rows);
        Assert.Equal((3L, true), (kept.Seq, kept.Deleted));
        Assert.Contains(secret, kept.Payload, StringComparison.Ordinal);
    }

    private Task<ConversationHost> Start(ConversationStoreOptions store) =>
        ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store), services: s => s.AddSingleton(new JournalEraser(store)));

    private async Task AgentSession(ConversationHost host)
    {
        fixture.Udesk.AnswerSessions("""{"code":2001,"message":"queued","assign_type":"agent","assign_info":{"count":2,"queue":"q:1"}}""");
        Assert.IsType<Accepted>(await host.Ask(new RequestSession(id, new SessionRequest { AssignType = AssignType.Agent })));
        await host.Until(id, s => s.Status == ConversationStatus.Queued);
        await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("start_session", "s1", 3, agentId: 7, agentName: "Ann"), Pushes.Agent("message", "w1", 3, $"welcome {secret}")]));
    }

    /// <summary>Agent session 3, a transfer to 4, a customer message, a repeated push, then Udesk closes.</summary>
    private async Task<ConversationState> ClosedJourney(ConversationHost host)
    {
        await AgentSession(host);
        await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("transfer", "t1", 4, "transferred", 9, "Jerry")]));
        await host.Ask(new SendMessage(id, "m1", "message", new MessagePayload { Content = $"my card is {secret}" }));
        await host.Until(id, s => s.Outbox.IsEmpty);
        await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("message", "w1", 3, $"welcome {secret}")]));
        await host.Ask(Pushes.Batch(id, "agent", [Pushes.Close("c1", 4, "agent_close")]));
        return await host.StateOf(id);
    }

    /// <summary>Persists the strings it is given, deletes them all with Akka's own <c>DeleteMessages</c>, then answers.</summary>
    private sealed class Deleting(string persistenceId) : UntypedPersistentActor
    {
        private IActorRef? replyTo;

        public override string PersistenceId => persistenceId;

        protected override void OnRecover(object message)
        {
        }

        protected override void OnCommand(object message)
        {
            switch (message)
            {
                case string[] events:
                    replyTo = Sender;
                    PersistAll(events, _ => { });
                    DeferAsync(events.Length, count => DeleteMessages(count));
                    break;
                case DeleteMessagesSuccess:
                    replyTo!.Tell("deleted");
                    break;
                case DeleteMessagesFailure failed:
                    replyTo!.Tell(failed.Cause.Message);
                    break;
            }
        }
    }
}
