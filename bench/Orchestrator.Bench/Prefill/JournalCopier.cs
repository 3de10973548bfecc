using System.Data.Common;
using Orchestrator.Bench.Hosting;

namespace Orchestrator.Bench.Prefill;

/// <summary>
/// Fills the journal's tables directly, not through the service: the rows of one real conversation (its manifests,
/// serialized payloads and tags column exactly as the service wrote them) copied under other persistence ids, in
/// the store's fastest bulk path. Runs while no service holds the store.
/// </summary>
internal abstract class JournalCopier(string connectionString)
{
    protected string ConnectionString { get; } = connectionString;

    public static JournalCopier For(StoreTarget store)
    {
        var connectionString = store.Settings["Orchestrator:Store:ConnectionString"]!;
        return store.Settings["Orchestrator:Store:Provider"] switch
        {
            "Sqlite" => new SqliteJournalCopier(connectionString),
            "PostgreSql" => new PostgresJournalCopier(connectionString),
            var other => throw new ArgumentException($"No journal copier for store provider '{other}'."),
        };
    }

    /// <summary>Every row of <paramref name="persistenceId"/> in <paramref name="table"/>, by sequence number.</summary>
    public async Task<TemplateRows> ReadAsync(string table, string persistenceId, CancellationToken ct)
    {
        await using var connection = Connect();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE {TemplateRows.PersistenceIdColumn} = @pid ORDER BY sequence_number";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "pid";
        parameter.Value = persistenceId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var kept = Enumerable.Range(0, reader.FieldCount).Where(i => reader.GetName(i) != "ordering").ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(kept.Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
        }

        return new TemplateRows(table, kept.Select(reader.GetName).ToList(), kept.Select(reader.GetDataTypeName).ToList(), rows);
    }

    /// <summary>Writes the template's rows once under each of <paramref name="persistenceIds"/>.</summary>
    public abstract Task CopyAsync(TemplateRows template, IEnumerable<string> persistenceIds, CancellationToken ct);

    protected abstract DbConnection Connect();
}
