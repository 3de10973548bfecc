using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Conversations.Tests.Retention;

/// <summary>Reads the store's tables as they are on disk, outside Akka: what an erasure really left behind.</summary>
public sealed class StoreTables(ConversationStoreOptions store)
{
    private string Table(string name) => string.IsNullOrEmpty(store.Schema) ? name : $"{store.Schema}.{name}";

    /// <summary>Every journal row of <paramref name="persistenceId"/>, deleted or not, with its payload as text.</summary>
    public Task<IReadOnlyList<(long Seq, bool Deleted, string Payload)>> JournalRows(string persistenceId) =>
        Rows($"SELECT sequence_number, deleted, message FROM {Table("journal")} WHERE persistence_id = @id ORDER BY sequence_number", persistenceId,
            r => (r.GetInt64(0), Convert.ToBoolean(r.GetValue(1)), Encoding.UTF8.GetString((byte[])r.GetValue(2))));

    public async Task<long> Count(string table, string persistenceId) =>
        (await Rows($"SELECT COUNT(*) FROM {Table(table)} WHERE persistence_id = @id", persistenceId, r => Convert.ToInt64(r.GetValue(0))))[0];

    /// <summary>Whether <paramref name="text"/> appears in any payload of the journal or the snapshot table, whoever wrote it.</summary>
    public async Task<bool> AnyPayloadContains(string text)
    {
        var journal = await Rows($"SELECT message FROM {Table("journal")}", null, r => Encoding.UTF8.GetString((byte[])r.GetValue(0)));
        var snapshots = await Rows($"SELECT snapshot FROM {Table("snapshot")}", null, r => Encoding.UTF8.GetString((byte[])r.GetValue(0)));
        return journal.Concat(snapshots).Any(payload => payload.Contains(text, StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<T>> Rows<T>(string sql, string? persistenceId, Func<DbDataReader, T> read)
    {
        await using DbConnection connection = store.Provider == StoreProvider.Sqlite ? new SqliteConnection(store.ConnectionString) : new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (persistenceId is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "id";
            parameter.Value = persistenceId;
            command.Parameters.Add(parameter);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
