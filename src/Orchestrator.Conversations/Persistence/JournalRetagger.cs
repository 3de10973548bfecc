using System.Data.Common;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Serialization;

namespace Orchestrator.Conversations.Persistence;

/// <summary>
/// Gives the conversation events written before tagging (an empty tags column) the tags they would have been written
/// with (<see cref="JournalTags"/>), straight in SQL: a row's tags follow from its persistence id and manifest, so no
/// event is read or deserialized. Newest first, in batches of one transaction each: interrupted, it leaves the oldest
/// events untagged, which <see cref="HasUntaggedHistoryAsync"/> sees, and a new run skips what is tagged. Idempotent:
/// a row that has tags is left as it is.
/// </summary>
public sealed class JournalRetagger(ConversationStoreOptions store)
{
    private const string ConversationRows = $"j.persistence_id LIKE '{ConversationId.PersistenceIdPrefix}%'";

    /// <summary>Akka.Persistence.Sql writes an event without tags with an empty (or, in older rows, null) tags column.</summary>
    private const string Untagged = "(j.tags IS NULL OR j.tags = '')";

    private readonly string journal = StoreConnections.Qualified(store, "journal");

    /// <summary>
    /// Whether the oldest conversation event has no tags: the journal was written (in part) before tagging and
    /// <see cref="RetagAsync"/> has not finished. Cheap: one row by the ordering index.
    /// </summary>
    public async Task<bool> HasUntaggedHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT CASE WHEN {Untagged} THEN 1 ELSE 0 END
            FROM {journal} j WHERE {ConversationRows} ORDER BY j.ordering LIMIT 1
            """;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L) == 1;
    }

    /// <summary>What the tag readers need of the schema: the tags column, and on PostgreSQL the outbox events' index.</summary>
    public async Task EnsureTagStorageAsync(CancellationToken cancellationToken)
    {
        await EnsureTagsColumnAsync(cancellationToken);
        await OutboxTagIndex.EnsureAsync(store, cancellationToken);
    }

    /// <summary>
    /// Adds the tags column to a journal table created in the plugin's tag-table mode (the versions before this one),
    /// which has none: Csv tag mode writes and reads it. Nothing when it is there.
    /// </summary>
    private async Task EnsureTagsColumnAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Asked first: ALTER TABLE takes PostgreSQL's exclusive lock on the journal even when the column exists, and
        // every node runs this at start — a start behind a long read would stall every write of the cluster.
        command.CommandText = store.Provider == StoreProvider.Sqlite
            ? "SELECT COUNT(*) FROM pragma_table_info('journal') WHERE name = 'tags'"
            : "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = COALESCE(NULLIF(@schema, ''), current_schema()) AND table_name = 'journal' AND column_name = 'tags'";
        if (store.Provider == StoreProvider.PostgreSql)
        {
            command.AddParameter("schema", store.Schema ?? "");
        }

        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L) > 0)
        {
            return;
        }

        command.Parameters.Clear();
        command.CommandText = store.Provider == StoreProvider.Sqlite ? "ALTER TABLE journal ADD COLUMN tags TEXT" : $"ALTER TABLE {journal} ADD COLUMN IF NOT EXISTS tags TEXT";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The tags column as Akka.Persistence.Sql's Csv tag mode writes and reads it: <c>;tag1;tag2;</c>.</summary>
    private static string TagsColumn(IEnumerable<string> tags) => JournalTags.Separator + string.Join(JournalTags.Separator, tags) + JournalTags.Separator;

    /// <summary>Tags every untagged conversation event; reports the events tagged so far after each batch. Answers how many.</summary>
    public async Task<long> RetagAsync(int batchSize, Action<RetagProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var tagged = 0L;
        var before = long.MaxValue;
        while (true)
        {
            await using var connection = await OpenAsync(cancellationToken);
            var rows = await UntaggedBefore(connection, before, batchSize, cancellationToken);
            if (rows.Count == 0)
            {
                return tagged;
            }

            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                foreach (var row in rows)
                {
                    await WriteTags(connection, transaction, row, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            tagged += rows.Count;
            before = rows[^1].Ordering;
            progress?.Invoke(new RetagProgress(tagged, before));
        }
    }

    private async Task<List<UntaggedRow>> UntaggedBefore(DbConnection connection, long before, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT j.ordering, j.persistence_id, j.manifest FROM {journal} j
            WHERE j.ordering < @before AND {ConversationRows} AND {Untagged}
            ORDER BY j.ordering DESC LIMIT {batchSize}
            """;
        command.AddParameter("before", before);
        var rows = new List<UntaggedRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new UntaggedRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private async Task WriteTags(DbConnection connection, DbTransaction transaction, UntaggedRow row, CancellationToken cancellationToken)
    {
        var tenant = ConversationId.FromPersistenceId(row.PersistenceId).Tenant;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Only while still untagged: tags another run (or the journal) wrote stay.
        command.CommandText = $"UPDATE {journal} SET tags = @tags WHERE ordering = @ordering AND (tags IS NULL OR tags = '')";
        command.AddParameter("tags", TagsColumn(JournalTags.Of(tenant, ConversationManifests.TypeOf(row.Manifest))));
        command.AddParameter("ordering", row.Ordering);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = StoreConnections.Create(store);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private sealed record UntaggedRow(long Ordering, string PersistenceId, string Manifest);
}

/// <summary>How far a re-tag got: events tagged so far, and the oldest journal offset tagged.</summary>
public sealed record RetagProgress(long Tagged, long ReachedOffset);
