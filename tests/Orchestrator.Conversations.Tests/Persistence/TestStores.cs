using Npgsql;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Conversations.Tests.Persistence;

/// <summary>
/// The real stores conversations run on: SQLite always, PostgreSQL when <c>ORCHESTRATOR_TEST_POSTGRES</c> holds a
/// connection string (<c>.ci/run</c> installs, starts and sets it). Each store is new and empty. A test over
/// <see cref="All"/> is a <c>[SkippableTheory]</c>: its PostgreSQL case is reported skipped where the variable is unset.
/// </summary>
public static class TestStores
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    public static TheoryData<string> All() => new() { Sqlite, PostgreSql };

    public static async Task<ConversationStoreOptions> CreateAsync(string kind)
    {
        var name = $"t{Guid.NewGuid():N}";
        if (kind == Sqlite)
        {
            // A folder that does not exist yet: the store must create it.
            var file = Path.Combine(Path.GetTempPath(), "orchestrator-tests", name, "data", "orchestrator.db");
            return new ConversationStoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = $"Data Source={file}" };
        }

        // A schema per test keeps tests apart and exercises the Schema setting.
        var postgres = Requires.Environment("ORCHESTRATOR_TEST_POSTGRES");
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new ConversationStoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = postgres, Schema = name };
    }
}
