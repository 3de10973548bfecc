using Akka.Actor;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Tests.Domain;
using Orchestrator.Conversations.Tests.Support;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;
using static Orchestrator.Conversations.Sessions.SessionIndexMessages;

namespace Orchestrator.Conversations.Tests.Persistence;

/// <summary>Udesk's read-status push names only a session; the index finds its conversation, across restarts.</summary>
public sealed class SessionIndexTests : IDisposable
{
    private readonly ConversationFixture fixture = new();
    private readonly ConversationId id = new(ConversationId.DefaultTenant, $"reader-{Guid.NewGuid():N}");

    public void Dispose() => fixture.Dispose();

    [SkippableTheory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Read_receipts_reach_the_conversation_of_the_current_and_earlier_sessions(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using (var host = await Start(store))
        {
            await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("start_session", "s1", 501)]));
            await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("transfer", "t1", 502)]));
            Assert.IsType<Accepted>(await Route(host, 502, "m1"));
        }

        await using var restarted = await Start(store);
        var before = (await restarted.StateOf(id)).Seq;

        Assert.IsType<Accepted>(await Route(restarted, 501, "m0"));
        Assert.Equal(before + 1, (await restarted.StateOf(id)).Seq);
        var journal = await new StoreInspector(store).JournalOf(id.PersistenceId);
        Assert.Equal(2, journal.Count(r => r.Manifest == "conversation.read-receipt-received"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task A_read_receipt_for_an_unknown_session_is_refused(string kind)
    {
        await using var host = await Start(await TestStores.CreateAsync(kind));

        var reply = Assert.IsType<Rejected>(await Ask(host, 999_999, "m1"));

        Assert.Equal(RejectionReason.Invalid, reply.Reason);
    }

    /// <summary>The index learns of a session just after the conversation persisted it: ask until it knows.</summary>
    private static Task<Reply> Route(ConversationHost host, long session, string messageId) =>
        Eventually.Until(() => Ask(host, session, messageId), reply => reply is not Rejected, $"session {session} routed by the index");

    private static Task<Reply> Ask(ConversationHost host, long session, string messageId) =>
        host.SessionIndex.Ask<Reply>(new RouteReadReceipt(ConversationId.DefaultTenant, session, [messageId]), TimeSpan.FromSeconds(10));

    private Task<ConversationHost> Start(Orchestrator.Conversations.Persistence.ConversationStoreOptions store) =>
        ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store));
}
