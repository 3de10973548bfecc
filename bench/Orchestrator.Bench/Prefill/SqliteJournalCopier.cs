using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Orchestrator.Bench.Prefill;

/// <summary>
/// SQLite: one prepared INSERT executed per row, a transaction per million rows (one transaction for all would
/// grow the write-ahead log to the size of the whole prefill before a checkpoint copies it again).
/// </summary>
internal sealed class SqliteJournalCopier(string connectionString) : JournalCopier(connectionString)
{
    private const int RowsPerTransaction = 1_000_000;

    public override async Task CopyAsync(TemplateRows template, IEnumerable<string> persistenceIds, CancellationToken ct)
    {
        await using var connection = (SqliteConnection)Connect();
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            // 1 GB of page cache for this connection: the journal's indexes outgrow SQLite's 2 MB default within the first million rows.
            pragma.CommandText = "PRAGMA cache_size = -1000000";
            pragma.ExecuteNonQuery();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {template.Table} ({string.Join(", ", template.Columns)}) VALUES ({string.Join(", ", template.Columns.Select((_, i) => $"@p{i}"))})";
        var parameters = template.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"@p{i}", null))).ToArray();
        var transaction = connection.BeginTransaction();
        command.Transaction = transaction;
        command.Prepare();
        var rows = 0;
        foreach (var persistenceId in persistenceIds)
        {
            foreach (var row in template.For(persistenceId))
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
                if (++rows % RowsPerTransaction == 0)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    command.Transaction = transaction;
                }
            }
        }

        transaction.Commit();
        transaction.Dispose();
    }

    protected override DbConnection Connect() => new SqliteConnection(ConnectionString);
}
