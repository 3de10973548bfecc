using System.Runtime.CompilerServices;
using Akka;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Serialization;

namespace Orchestrator.Conversations.Audit;

/// <summary>
/// What audits read, straight from the configured journal and snapshot store: never through a conversation's
/// actor, so an audit neither wakes nor waits for one (the command line runs it with no cluster at all).
/// </summary>
public sealed class AuditJournal(ActorSystem system)
{
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromSeconds(30);

    private readonly SqlReadJournal journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
    private readonly IMaterializer materializer = system.Materializer(namePrefix: "audit");

    /// <summary>Every event of the conversation from seq 1, in order, as persisted now.</summary>
    public async Task<IReadOnlyList<ConversationEvents.Event>> EventsOf(ConversationId id, CancellationToken cancellationToken) =>
        await journal.CurrentEventsByPersistenceId(id.PersistenceId, 1, long.MaxValue).Select(envelope => (ConversationEvents.Event)envelope.Event).CollectAsync(materializer, cancellationToken);

    /// <summary>The newest snapshot of the conversation in the snapshot store, or null when it has none.</summary>
    public async Task<(long Seq, ConversationState State)?> LatestSnapshotOf(ConversationId id, CancellationToken cancellationToken)
    {
        var store = Akka.Persistence.Persistence.Instance.Apply(system).SnapshotStoreFor(null);
        var answer = await store.Ask<object>(new LoadSnapshot(id.PersistenceId, SnapshotSelectionCriteria.Latest, long.MaxValue), SnapshotTimeout, cancellationToken);
        return answer switch
        {
            LoadSnapshotResult { Snapshot: { } selected } => (selected.Metadata.SequenceNr, (ConversationState)selected.Snapshot),
            LoadSnapshotResult => null,
            LoadSnapshotFailed failed => throw new InvalidOperationException($"The snapshot store could not load {id}'s snapshot.", failed.Cause),
            _ => throw new InvalidOperationException($"The snapshot store answered {answer.GetType().Name}."),
        };
    }

    /// <summary>Every conversation of <paramref name="tenant"/> the journal holds, by the tenant prefix of their persistence ids.</summary>
    public async Task<IReadOnlyList<ConversationId>> ConversationsOf(string tenant, CancellationToken cancellationToken)
    {
        var prefix = TenantPrefix(tenant);
        return await journal.CurrentPersistenceIds()
            .Where(pid => pid.StartsWith(prefix, StringComparison.Ordinal))
            .Select(ConversationId.FromPersistenceId)
            .CollectAsync(materializer, cancellationToken);
    }

    /// <summary>
    /// The tenant's conversation events after journal position <paramref name="afterOffset"/> whose time is in
    /// [<paramref name="from"/>, <paramref name="to"/>), in journal order; ends at the journal's current end. Read by
    /// the tenant's tag: the offsets are the journal's global ordering, as before tagging.
    /// </summary>
    public async IAsyncEnumerable<ExportLine> Export(
        string tenant, DateTimeOffset from, DateTimeOffset to, long afterOffset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lines = journal.CurrentEventsByTag(JournalTags.Tenant(tenant), Offset.Sequence(afterOffset))
            .Where(envelope => envelope.Event is ConversationEvents.Event e && e.At >= from && e.At < to)
            .Select(envelope => new ExportLine(
                ((Sequence)envelope.Offset).Value, envelope.PersistenceId, envelope.SequenceNr, ((ConversationEvents.Event)envelope.Event).At,
                ConversationManifests.Of(envelope.Event.GetType()), envelope.Event));
        await foreach (var line in lines.RunAsAsyncEnumerable(materializer).WithCancellation(cancellationToken))
        {
            yield return line;
        }
    }

    private static string TenantPrefix(string tenant) => $"{ConversationId.PersistenceIdPrefix}{Uri.EscapeDataString(tenant)}/";
}
