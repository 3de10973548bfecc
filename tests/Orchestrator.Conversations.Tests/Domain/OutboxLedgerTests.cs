using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Domain;

public sealed class OutboxLedgerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly ConversationId Id = new("acme", "customer-1");

    [Fact]
    public void A_queued_call_is_pending_until_it_is_completed()
    {
        var ledger = OutboxLedger.Empty
            .Apply(1, Id.PersistenceId, new UdeskCallQueued(5, At, new OutboundCall.CloseSession(new SessionId(3))))
            .Apply(2, Id.PersistenceId, new UdeskCallQueued(6, At.AddSeconds(1), new OutboundCall.AbandonQueue("q")));

        Assert.Equal([5L, 6L], ledger.Pending[Id.EntityId].Keys.Order());

        ledger = ledger
            .Apply(3, Id.PersistenceId, new UdeskCallCompleted(7, At, 5, new CallOutcome.Done()))
            .Apply(4, Id.PersistenceId, new UdeskCallCompleted(8, At, 6, new CallOutcome.Done()));

        Assert.Empty(ledger.Pending);
        Assert.Equal(4, ledger.Offset);
    }

    [Fact]
    public void Other_entities_and_events_only_move_the_offset()
    {
        var ledger = OutboxLedger.Empty
            .Apply(1, "session/acme/42", new UdeskCallQueued(1, At, new OutboundCall.CloseSession(new SessionId(3))))
            .Apply(2, Id.PersistenceId, new NoAgentOnline(2, At, "nobody"));

        Assert.Empty(ledger.Pending);
        Assert.Equal(2, ledger.Offset);
    }

    [Fact]
    public void A_conversation_is_overdue_when_its_oldest_pending_call_was_queued_before_the_cut_off()
    {
        var other = new ConversationId("acme", "customer-2");
        var ledger = OutboxLedger.Empty
            .Apply(1, Id.PersistenceId, new UdeskCallQueued(1, At, new OutboundCall.CloseSession(new SessionId(3))))
            .Apply(2, other.PersistenceId, new UdeskCallQueued(1, At.AddMinutes(5), new OutboundCall.CloseSession(new SessionId(4))));

        Assert.Equal([Id], ledger.Overdue(At.AddMinutes(1)));
        Assert.Equal([Id, other], ledger.Overdue(At.AddMinutes(6)).OrderBy(c => c.CustomerToken));
    }
}
