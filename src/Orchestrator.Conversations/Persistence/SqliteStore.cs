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
    /// WAL lets recovery reads run beside the single writer; <c>synchronous</c> has no connection-string keyword,
    /// so it is set on every connection linq2db opens.
    /// </summary>
    public static DataOptions DataOptions(string connectionString, SqliteSynchronous synchronous)
    {
        var pragmas = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()};";
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
                    await using var command = connection.CreateCommand();
                    command.CommandText = pragmas;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                });
    }
}
