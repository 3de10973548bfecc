using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Conversations.Retention;

/// <summary>
/// Conversations the retention job should look at, found in the journal table without waking any: ones that were
/// closed at some point and whose newest event was written before the cutoff (<c>created</c> is the write time in
/// .NET ticks). Each is then asked, and erased only if its own state says it has been closed since before the
/// cutoff. The query reads the journal's rows once per run; nothing is held in memory between runs.
/// </summary>
public sealed class RetentionCandidates(ConversationStoreOptions store)
{
    public async Task<IReadOnlyList<ConversationId>> FindAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default)
    {
        var journal = StoreConnections.Qualified(store, "journal");
        await using var connection = StoreConnections.Create(store);
        await connection.OpenAsync(cancellationToken);
        await using var command = StoreCommand.Create(connection, null, $"""
            SELECT j.persistence_id FROM {journal} j
            WHERE j.persistence_id LIKE @prefix AND j.deleted = @no AND j.created < @cutoff
              AND j.sequence_number = (SELECT MAX(m.sequence_number) FROM {journal} m WHERE m.persistence_id = j.persistence_id)
              AND EXISTS (SELECT 1 FROM {journal} c WHERE c.persistence_id = j.persistence_id AND c.manifest = @closed AND c.deleted = @no)
            ORDER BY j.created
            LIMIT {limit}
            """,
            ("prefix", ConversationId.PersistenceIdPrefix + "%"),
            ("no", false),
            ("cutoff", cutoff.UtcTicks),
            ("closed", Serialization.ConversationManifests.Of(typeof(ConversationEvents.SessionClosed))));
        var found = new List<ConversationId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(ConversationId.FromPersistenceId(reader.GetString(0)));
        }

        return found;
    }
}
