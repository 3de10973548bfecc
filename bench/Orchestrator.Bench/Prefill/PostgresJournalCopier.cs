using System.Data.Common;
using Npgsql;

namespace Orchestrator.Bench.Prefill;

/// <summary>
/// PostgreSQL: one binary COPY of every row (written synchronously: each value is a few bytes into the COPY
/// buffer), then ANALYZE, as autovacuum would a while after such a load.
/// </summary>
internal sealed class PostgresJournalCopier(string connectionString) : JournalCopier(connectionString)
{
    public override async Task CopyAsync(TemplateRows template, IEnumerable<string> persistenceIds, CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)Connect();
        await connection.OpenAsync(ct);
        await using (var import = await connection.BeginBinaryImportAsync($"COPY {template.Table} ({string.Join(", ", template.Columns)}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var persistenceId in persistenceIds)
            {
                foreach (var row in template.For(persistenceId))
                {
                    import.StartRow();
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is { } value)
                        {
                            import.Write(value, template.DataTypes[i]);
                        }
                        else
                        {
                            import.WriteNull();
                        }
                    }
                }
            }

            await import.CompleteAsync(ct);
        }

        await using var analyze = new NpgsqlCommand($"ANALYZE {template.Table}", connection);
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync(ct);
    }

    protected override DbConnection Connect() => new NpgsqlConnection(ConnectionString);
}
