using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Conversations.Tests.Persistence;

/// <summary>Reads (and, to prove recovery paths, trims) the journal tables directly, outside Akka.</summary>
public sealed class StoreInspector(ConversationStoreOptions store)
{
    private string Table(string name) => string.IsNullOrEmpty(store.Schema) ? name : $"{store.Schema}.{name}";

    public async Task<IReadOnlyList<(long Seq, string Manifest, string Json)>> JournalOf(string persistenceId)
    {
        var rows = new List<(long, string, string)>();
        await using var connection = await OpenAsync();
        await using var command = Command(connection, $"SELECT sequence_number, manifest, message FROM {Table("journal")} WHERE persistence_id = @id ORDER BY sequence_number", persistenceId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), Encoding.UTF8.GetString((byte[])reader.GetValue(2))));
        }

        return rows;
    }

    public async Task<long?> LatestSnapshotSeq(string persistenceId)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, $"SELECT MAX(sequence_number) FROM {Table("snapshot")} WHERE persistence_id = @id", persistenceId);
        return await command.ExecuteScalarAsync() is long seq ? seq : null;
    }

    /// <summary>Removes the events a snapshot covers, so only the snapshot can restore them.</summary>
    public async Task DeleteEventsUpTo(string persistenceId, long seq)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, $"DELETE FROM {Table("journal")} WHERE persistence_id = @id AND sequence_number <= {seq}", persistenceId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every journal row of <paramref name="persistenceId"/>, deleted or not, with its payload as text: what an erasure left behind.</summary>
    public Task<IReadOnlyList<(long Seq, bool Deleted, string Payload)>> JournalRows(string persistenceId) =>
        Rows($"SELECT sequence_number, deleted, message FROM {Table("journal")} WHERE persistence_id = @id ORDER BY sequence_number", persistenceId,
            r => (r.GetInt64(0), Convert.ToBoolean(r.GetValue(1)), Encoding.UTF8.GetString((byte[])r.GetValue(2))));

    public async Task<long> Count(string table, string persistenceId) =>
        (await Rows($"SELECT COUNT(*) FROM {Table(table)} WHERE persistence_id = @id", persistenceId, r => Convert.ToInt64(r.GetValue(0))))[0];

    /// <summary>Whether <paramref name="text"/> appears in any payload of the journal or the snapshot table, whoever wrote it.</summary>
    public async Task<bool> AnyPayloadContains(string text)
    {
        var journal = await Rows($"SELECT message FROM {Table("journal")} WHERE persistence_id <> @id", "", r => Encoding.UTF8.GetString((byte[])r.GetValue(0)));
        var snapshots = await Rows($"SELECT snapshot FROM {Table("snapshot")} WHERE persistence_id <> @id", "", r => Encoding.UTF8.GetString((byte[])r.GetValue(0)));
        return journal.Concat(snapshots).Any(payload => payload.Contains(text, StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<T>> Rows<T>(string sql, string persistenceId, Func<DbDataReader, T> read)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, persistenceId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Every tagged journal row's ordering and tags (its <c>;a;b;</c> tags column, in order), by ordering.</summary>
    public async Task<IReadOnlyList<(long Ordering, string Tags)>> TaggedRows()
    {
        var rows = new List<(long, string)>();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT ordering, tags FROM {Table("journal")} WHERE tags <> '' ORDER BY ordering";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), string.Join(';', reader.GetString(1).Split(';', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))));
        }

        return rows;
    }

    /// <summary>Makes the journal what one written before tagging is: the same events, with the empty tags column Akka.Persistence.Sql writes for an untagged event.</summary>
    public async Task ClearTags()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {Table("journal")} SET tags = ''";
        await command.ExecuteNonQueryAsync();
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = store.Provider == StoreProvider.Sqlite ? new SqliteConnection(store.ConnectionString) : new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static DbCommand Command(DbConnection connection, string sql, string persistenceId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = persistenceId;
        command.Parameters.Add(parameter);
        return command;
    }
}
