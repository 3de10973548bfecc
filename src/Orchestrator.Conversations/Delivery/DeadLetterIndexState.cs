using System.Collections.Immutable;
using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Delivery.DeadLetterIndexMessages;

namespace Orchestrator.Conversations.Delivery;

/// <summary>One tenant's dead letters in id order, and the last id given out (ids are never reused). Also the snapshot.</summary>
public sealed record DeadLetterIndexState
{
    public long LastId { get; init; }

    public ImmutableList<IndexedDeadLetter> Entries { get; init; } = [];

    public IndexedDeadLetter? Find(ConversationId conversation, long seq) => Entries.Find(e => e.Conversation == conversation && e.Seq == seq);

    public IndexedDeadLetter? Find(long id) => Entries.Find(e => e.Id == id);

    /// <summary>Recording one already listed changes nothing, so the delivery entities can re-tell freely.</summary>
    public Event? Decide(RecordDeadLetter record) =>
        Find(record.Conversation, record.DeadLetter.Seq) is not null
            ? null
            : new DeadLetterIndexed(new IndexedDeadLetter(
                LastId + 1, record.Conversation, record.DeadLetter.Seq, record.DeadLetter.Reason, record.DeadLetter.LastStatus, record.DeadLetter.At));

    public DeadLetterIndexState Apply(Event e) => e switch
    {
        DeadLetterIndexed indexed => this with { LastId = Math.Max(LastId, indexed.Entry.Id), Entries = Entries.Add(indexed.Entry) },
        DeadLetterCleared cleared => this with { Entries = Entries.RemoveAll(entry => entry.Id == cleared.Id) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown dead-letter index event."),
    };

    public IReadOnlyList<IndexedDeadLetter> Page(long after, int limit) => Entries.Where(e => e.Id > after).Take(limit).ToList();
}
