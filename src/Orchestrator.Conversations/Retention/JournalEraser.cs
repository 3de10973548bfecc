using System.Data.Common;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Conversations.Retention;

/// <summary>
/// Removes one persistence id's events (their tags live in the same rows) and snapshots from the store's tables, in one transaction. Called only
/// by the entity that owns the id, so nothing writes it meanwhile.
/// <para>
/// Why SQL and not Akka's <c>DeleteMessages</c>: Akka.Persistence.Sql deletes every event below the highest one but
/// keeps that row, payload and all, only marked deleted, so the entity's sequence numbers go on where they were
/// (its <c>SqlCommonCompatibilityMode</c> keeps the row too, and copies the number into a metadata table). Erasure
/// needs the payload gone. Keeping the numbering still matters for a conversation: its delivery cursor and the
/// dispatchers count in its sequence numbers, so a fresh conversation must go on from them rather than start at 1.
/// <paramref name="keepSequence"/> therefore keeps that one row, marked deleted (no query reads it) with an empty
/// payload.
/// </para>
/// </summary>
public sealed class JournalEraser(ConversationStoreOptions store)
{
    public async Task<ErasedRows> EraseAsync(string persistenceId, bool keepSequence, CancellationToken cancellationToken = default)
    {
        await using var connection = StoreConnections.Create(store);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var journal = StoreConnections.Qualified(store, "journal");
        var events = await ScalarAsync(transaction, $"SELECT COUNT(*) FROM {journal} WHERE persistence_id = @id AND deleted = @no", persistenceId, cancellationToken);
        if (keepSequence)
        {
            await ExecuteAsync(
                transaction,
                $"DELETE FROM {journal} WHERE persistence_id = @id AND sequence_number < (SELECT MAX(sequence_number) FROM {journal} WHERE persistence_id = @id)",
                persistenceId, cancellationToken);
            await ExecuteAsync(
                transaction, $"UPDATE {journal} SET message = @empty, deleted = @yes WHERE persistence_id = @id", persistenceId, cancellationToken, ("empty", Array.Empty<byte>()), ("yes", true));
        }
        else
        {
            await ExecuteAsync(transaction, $"DELETE FROM {journal} WHERE persistence_id = @id", persistenceId, cancellationToken);
        }

        var snapshots = await ExecuteAsync(transaction, $"DELETE FROM {StoreConnections.Qualified(store, "snapshot")} WHERE persistence_id = @id", persistenceId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ErasedRows(events, snapshots);
    }

    private static async Task<long> ScalarAsync(DbTransaction transaction, string sql, string persistenceId, CancellationToken cancellationToken)
    {
        await using var command = StoreCommand.Create(transaction.Connection!, transaction, sql, ("id", persistenceId), ("no", false));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task<long> ExecuteAsync(DbTransaction transaction, string sql, string persistenceId, CancellationToken cancellationToken, params (string, object)[] more)
    {
        await using var command = StoreCommand.Create(transaction.Connection!, transaction, sql, [("id", persistenceId), .. more]);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>How many events (not already deleted) and snapshots an erasure removed.</summary>
public sealed record ErasedRows(long Events, long Snapshots);
