using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Orchestrator.Conversations.Persistence;

/// <summary>
/// Plain ADO.NET connections to the journal's database, for what lives beside Akka.Persistence's tables there
/// (the cluster's formation lease, the readiness check's ping).
/// </summary>
public static class StoreConnections
{
    public static DbConnection Create(ConversationStoreOptions options) => options.Provider switch
    {
        StoreProvider.Sqlite => Sqlite(options.ConnectionString),
        StoreProvider.PostgreSql => new NpgsqlConnection(options.ConnectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown store provider."),
    };

    private static SqliteConnection Sqlite(string connectionString)
    {
        SqliteStore.EnsureFolder(connectionString);
        return new SqliteConnection(connectionString);
    }

    /// <summary><paramref name="table"/> in the configured PostgreSQL schema, if any.</summary>
    public static string Qualified(ConversationStoreOptions options, string table) =>
        options.Provider == StoreProvider.PostgreSql && !string.IsNullOrEmpty(options.Schema) ? $"\"{options.Schema}\".{table}" : table;

    /// <summary>Adds the parameter <c>@<paramref name="name"/></c> (both providers spell it so).</summary>
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Opens a connection and runs the cheapest query: is the database there and answering?</summary>
    public static async Task PingAsync(ConversationStoreOptions options, CancellationToken cancellationToken)
    {
        await using var connection = Create(options);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
