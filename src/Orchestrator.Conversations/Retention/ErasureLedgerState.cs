using System.Collections.Immutable;
using static Orchestrator.Conversations.Retention.ErasureLedgerMessages;

namespace Orchestrator.Conversations.Retention;

/// <summary>One tenant's erasures in the order they were recorded. Pure Decide/Apply.</summary>
public sealed record ErasureLedgerState
{
    public ImmutableList<ConversationDataErased> Entries { get; init; } = [];

    public ConversationDataErased Decide(RecordErasure record, DateTimeOffset now) => new(
        (Entries.Count == 0 ? 0 : Entries[^1].Id) + 1, record.Tenant, record.CustomerTokenSha256, record.Reason, record.EventsDeleted, record.SnapshotsDeleted,
        record.SessionIndexEntries, now, record.IssuedBy);

    public ErasureLedgerState Apply(ConversationDataErased erased) => this with { Entries = Entries.Add(erased) };

    public IReadOnlyList<ConversationDataErased> Between(DateTimeOffset? from, DateTimeOffset? to, int limit) =>
        Entries.Where(e => (from is null || e.At >= from) && (to is null || e.At < to)).Take(limit).ToList();
}
