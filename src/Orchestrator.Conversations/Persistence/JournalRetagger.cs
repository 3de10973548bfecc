using System.Data.Common;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Serialization;

namespace Orchestrator.Conversations.Persistence;

/// <summary>
/// Gives the conversation events written before tagging (no row in the tag table) the tags they would have been
/// written with (<see cref="JournalTags"/>), straight in SQL: a row's tags follow from its persistence id and
/// manifest, so no event is read or deserialized. Newest first, in batches of one transaction each: interrupted, it
/// leaves the oldest events untagged, which <see cref="HasUntaggedHistoryAsync"/> sees, and a new run skips what is
/// tagged. Idempotent: an existing tag row is left as it is.
/// </summary>
public sealed class JournalRetagger(ConversationStoreOptions store)
{
    private const string ConversationRows = $"j.persistence_id LIKE '{ConversationId.PersistenceIdPrefix}%'";

    private readonly string journal = StoreConnections.Qualified(store, "journal");
    private readonly string tags = StoreConnections.Qualified(store, "tags");

    /// <summary>
    /// Whether the oldest conversation event has no tags: the journal was written (in part) before tagging and
    /// <see cref="RetagAsync"/> has not finished. Cheap: one row by the ordering index.
    /// </summary>
    public async Task<bool> HasUntaggedHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM {tags} t WHERE t.ordering_id = j.ordering) THEN 0 ELSE 1 END
            FROM {journal} j WHERE {ConversationRows} ORDER BY j.ordering LIMIT 1
            """;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L) == 1;
    }

    /// <summary>
    /// The tag readers ask for one tag after an offset, in offset order: an index on both makes that a range read
    /// (the plugin's own index is on the tag alone).
    /// </summary>
    public async Task EnsureTagOrderingIndexAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE INDEX IF NOT EXISTS tags_tag_ordering_idx ON {tags} (tag, ordering_id)";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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
                    await InsertTags(connection, transaction, row, cancellationToken);
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
            SELECT j.ordering, j.persistence_id, j.sequence_number, j.manifest FROM {journal} j
            WHERE j.ordering < @before AND {ConversationRows}
              AND NOT EXISTS (SELECT 1 FROM {tags} t WHERE t.ordering_id = j.ordering)
            ORDER BY j.ordering DESC LIMIT {batchSize}
            """;
        command.AddParameter("before", before);
        var rows = new List<UntaggedRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new UntaggedRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return rows;
    }

    private async Task InsertTags(DbConnection connection, DbTransaction transaction, UntaggedRow row, CancellationToken cancellationToken)
    {
        var tenant = ConversationId.FromPersistenceId(row.PersistenceId).Tenant;
        foreach (var tag in JournalTags.Of(tenant, ConversationManifests.TypeOf(row.Manifest)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // Both SQLite and PostgreSQL read ON CONFLICT DO NOTHING: a row another run wrote stays.
            command.CommandText = $"""
                INSERT INTO {tags} (ordering_id, tag, persistence_id, sequence_nr) VALUES (@ordering, @tag, @pid, @seq)
                ON CONFLICT DO NOTHING
                """;
            command.AddParameter("ordering", row.Ordering);
            command.AddParameter("tag", tag);
            command.AddParameter("pid", row.PersistenceId);
            command.AddParameter("seq", row.SequenceNr);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = StoreConnections.Create(store);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private sealed record UntaggedRow(long Ordering, string PersistenceId, long SequenceNr, string Manifest);
}

/// <summary>How far a re-tag got: events tagged so far, and the oldest journal offset tagged.</summary>
public sealed record RetagProgress(long Tagged, long ReachedOffset);
