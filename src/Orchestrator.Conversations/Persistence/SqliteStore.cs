using LinqToDB;
using Microsoft.Data.Sqlite;

namespace Orchestrator.Conversations.Persistence;

/// <summary>What SQLite needs at run time beyond <c>hocon/persistence.sqlite.conf</c>.</summary>
internal static class SqliteStore
{
    public const string ProviderName = LinqToDB.ProviderName.SQLiteMS;

    public static string DataSourceOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    /// <summary>The database file's folder must exist before the first connection opens.</summary>
    public static void EnsureFolder(string connectionString)
    {
        var dataSource = DataSourceOf(connectionString);
        if (dataSource.Length == 0 || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>
    /// Snapshot writes and journal writes take SQLite's one write lock in turn. Without a busy handler a connection
    /// that finds it taken sleeps 150 ms in Microsoft.Data.Sqlite before trying again (blocking its thread); SQLite's
    /// own handler retries after 1, 2, 5, 10… ms.
    /// </summary>
    private const int BusyTimeoutMs = 30_000;

    /// <summary>
    /// WAL lets recovery reads run beside the single writer; <c>synchronous</c> has no connection-string keyword,
    /// so it is set on every connection linq2db opens.
    /// Microsoft.Data.Sqlite's async methods run synchronously. With <paramref name="onThreadPool"/> (the journal)
    /// every database call continues on the thread pool, so writes that arrive meanwhile batch into one transaction
    /// (one fsync for many events) and recoveries read side by side. Without it (the snapshot store, on its own
    /// thread) calls run one at a time where they were made: a burst of snapshots then queues there instead of
    /// blocking pool threads while they wait for the write lock (BENCHMARKS.md, "SQLite writes and wake-ups").
    /// </summary>
    public static DataOptions DataOptions(string connectionString, SqliteSynchronous synchronous, bool onThreadPool)
    {
        var pragmas = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout = {BusyTimeoutMs};";
        return new DataOptions()
            .UseConnectionString(ProviderName, connectionString)
            .UseAfterConnectionOpened(
                connection =>
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = pragmas;
                    command.ExecuteNonQuery();
                },
                async (connection, cancellationToken) =>
                {
                    if (onThreadPool)
                    {
                        await Task.Yield();
                    }

                    await using var command = connection.CreateCommand();
                    command.CommandText = pragmas;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                });
    }
}
