using System.Collections.Immutable;
using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Outbox;

/// <summary>
/// Which conversations have outbox calls still unanswered, and since when, as read from the journal up to
/// <see cref="Offset"/>. Pure: the <see cref="OutboxSweeperActor"/> only feeds it events and acts on it.
/// </summary>
/// <param name="Pending">Per conversation entity id, its unanswered calls (outbox sequence number → queued at).</param>
public sealed record OutboxLedger(long Offset, ImmutableDictionary<string, ImmutableDictionary<long, DateTimeOffset>> Pending)
{
    public static OutboxLedger Empty { get; } = new(0, ImmutableDictionary<string, ImmutableDictionary<long, DateTimeOffset>>.Empty);

    /// <summary>The ledger after the journal event at <paramref name="offset"/>; events other than outbox ones only move the offset.</summary>
    public OutboxLedger Apply(long offset, string persistenceId, object @event)
    {
        if (!persistenceId.StartsWith(ConversationId.PersistenceIdPrefix, StringComparison.Ordinal))
        {
            return this with { Offset = offset };
        }

        var conversation = persistenceId[ConversationId.PersistenceIdPrefix.Length..];
        var calls = Pending.GetValueOrDefault(conversation, ImmutableDictionary<long, DateTimeOffset>.Empty);
        calls = @event switch
        {
            UdeskCallQueued queued => calls.SetItem(queued.Seq, queued.At),
            UdeskCallCompleted completed => calls.Remove(completed.CallSeq),
            _ => calls,
        };
        return new OutboxLedger(offset, calls.IsEmpty ? Pending.Remove(conversation) : Pending.SetItem(conversation, calls));
    }

    /// <summary>Per tenant with unanswered calls: how many, and when the oldest was queued.</summary>
    public IEnumerable<(string Tenant, int Calls, DateTimeOffset OldestQueuedAt)> ByTenant() =>
        Pending.GroupBy(p => ConversationId.FromEntityId(p.Key).Tenant)
            .Select(t => (t.Key, t.Sum(p => p.Value.Count), t.Min(p => p.Value.Values.Min())));

    /// <summary>Conversations with a call queued before <paramref name="queuedBefore"/> and still unanswered.</summary>
    public IEnumerable<ConversationId> Overdue(DateTimeOffset queuedBefore) =>
        Pending.Where(p => p.Value.Values.Min() < queuedBefore).Select(p => ConversationId.FromEntityId(p.Key));
}
