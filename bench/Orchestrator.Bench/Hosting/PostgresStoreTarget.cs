using Npgsql;

namespace Orchestrator.Bench.Hosting;

/// <summary>
/// The bench's own PostgreSQL database (<c>bash bench/postgres.sh</c> creates it and prints this connection string);
/// its <c>public</c> schema is dropped and created again before each run.
/// </summary>
internal sealed class PostgresStoreTarget(string connectionString) : StoreTarget
{
    /// <summary>
    /// What <c>bench/postgres.sh</c> prints: the pool capped at 40 (the server allows 100 clients and the test suites
    /// share it) and no TLS (loopback).
    /// </summary>
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=orchestrator_bench;Maximum Pool Size=40;SSL Mode=Disable";

    public override string Name => "postgresql";

    public override string Description
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL on {builder.Host}:{builder.Port}, database {builder.Database}";
        }
    }

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Orchestrator:Store:Provider"] = "PostgreSql",
        ["Orchestrator:Store:ConnectionString"] = connectionString,
    };

    public override async Task ResetAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException($"PostgreSQL is not reachable ({e.Message}); start it with `bash bench/postgres.sh`, or pass --pg <connection string>.", e);
        }

        NpgsqlConnection.ClearAllPools();
    }
}
