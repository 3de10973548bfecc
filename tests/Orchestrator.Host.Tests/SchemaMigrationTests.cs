using System.Data.Common;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>
/// <c>dotnet Orchestrator.Host.dll migrate</c> as deploy/ runs it (a real process configured by environment
/// variables, as the Kubernetes Job and init container are) against real SQLite and PostgreSQL stores.
/// </summary>
public sealed class SchemaMigrationTests
{
    private const string Sqlite = "sqlite";
    private const string PostgreSql = "postgresql";

    /// <summary>
    /// What Akka.Persistence.Sql's journal (events, their tags in its tags column: no tag table in Csv tag mode) and
    /// snapshot store read and write, and the cluster's formation lease.
    /// </summary>
    private static readonly string[] Tables = ["journal", "orchestrator_cluster_formation", "snapshot"];

    public static TheoryData<string> Stores() => new() { Sqlite, PostgreSql };

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Migrate_creates_the_tables_and_running_it_again_keeps_them_and_their_rows(string kind)
    {
        var store = await NewStore(kind);

        var first = await Migrate(store.Settings);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal(Tables, await store.TableNames());
        await store.Execute("INSERT INTO {0}snapshot (persistence_id, sequence_number, created, manifest) VALUES ('kept-across-migrations', 1, 0, 'm')");

        var second = await Migrate(store.Settings);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(Tables, await store.TableNames());
        Assert.Equal(1L, await store.Scalar("SELECT COUNT(*) FROM {0}snapshot WHERE persistence_id = 'kept-across-migrations'"));
    }

    [Fact]
    public async Task A_node_that_creates_no_tables_keeps_a_conversation_in_the_tables_migrate_made()
    {
        var store = await NewStore(Sqlite);
        var migrated = await Migrate(store.Settings);
        Assert.True(migrated.ExitCode == 0, migrated.Output);

        await using var udesk = await UdeskSimulatorServer.StartAsync(new SimulatorOptions());
        await using var node = await OrchestratorInstance.StartAsync(udesk, settings: new Dictionary<string, string?>(store.Settings)
        {
            ["Orchestrator:Store:AutoInitialize"] = "false",
        });
        var customer = new PlatformApi(node.Http, $"migrated-{Guid.NewGuid():N}");
        await PlatformApi.Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "robot" }));

        Assert.NotNull(await customer.State());
        Assert.True(await store.Scalar($"SELECT COUNT(*) FROM {{0}}journal WHERE persistence_id LIKE '%{customer.CustomerToken}%'") > 0, "the conversation's events are not in the migrated journal");
    }

    [Fact]
    public async Task Migrate_against_an_unreachable_database_fails_within_its_time_out_naming_the_setting()
    {
        var failed = await Migrate(new Dictionary<string, string?>
        {
            ["Orchestrator:Store:Provider"] = "PostgreSql",
            // Nothing listens on port 1 of the loopback: every connection is refused.
            ["Orchestrator:Store:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=nothing;Database=none;Timeout=2",
            ["Orchestrator:Migration:Timeout"] = "00:00:05",
        });

        Assert.True(failed.ExitCode == 1, failed.Output);
        Assert.Contains("Orchestrator:Migration:Timeout", failed.Output, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Retag_and_migrate_give_a_journal_written_before_tagging_its_tags_once(string kind)
    {
        var store = await NewStore(kind);
        var migrated = await Migrate(store.Settings);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        await using (var udesk = await UdeskSimulatorServer.StartAsync(new SimulatorOptions()))
        await using (var node = await OrchestratorInstance.StartAsync(udesk, settings: new Dictionary<string, string?>(store.Settings) { ["Orchestrator:Store:AutoInitialize"] = "false" }))
        {
            var customer = new PlatformApi(node.Http, $"retagged-{Guid.NewGuid():N}");
            await PlatformApi.Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "robot" }));
            Assert.NotNull(await customer.State());
        }

        const string TagsOfTaggedEvents = "SELECT COALESCE(SUM(LENGTH(tags)), 0) FROM {0}journal WHERE tags <> ''";
        var tagged = await store.Scalar("SELECT COUNT(*) FROM {0}journal WHERE tags <> ''");
        var tags = await store.Scalar(TagsOfTaggedEvents);
        Assert.True(tagged > 0, "the node wrote no tags");

        // A journal written before tagging: the same events, in a journal without the tags column (the plugin's tag-table mode made none).
        await store.Execute("ALTER TABLE {0}journal DROP COLUMN tags");
        var retagged = await Migrate(store.Settings, "retag");
        Assert.True(retagged.ExitCode == 0, retagged.Output);
        Assert.Equal(tags, await store.Scalar(TagsOfTaggedEvents));
        Assert.Contains($"Re-tag done: {tagged} ", retagged.Output, StringComparison.Ordinal);
        Assert.Contains("Re-tag done: 0 ", (await Migrate(store.Settings, "retag")).Output, StringComparison.Ordinal);

        await store.Execute("UPDATE {0}journal SET tags = ''");
        var remigrated = await Migrate(store.Settings);
        Assert.True(remigrated.ExitCode == 0, remigrated.Output);
        Assert.Equal(tags, await store.Scalar(TagsOfTaggedEvents));
    }

    private static async Task<(int ExitCode, string Output)> Migrate(IDictionary<string, string?> settings, string command = "migrate")
    {
        using var process = Process.Start(ChildOrchestrator.HostProcess(settings, command)) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await errors);
    }

    private static async Task<Store> NewStore(string kind)
    {
        var name = $"migrate{Guid.NewGuid():N}";
        if (kind == Sqlite)
        {
            // A folder that does not exist yet, as on a fresh volume.
            var file = Path.Combine(Path.GetTempPath(), "orchestrator-migrate-tests", name, "data", "orchestrator.db");
            return new Store(kind, $"Data Source={file}", null);
        }

        // A schema of its own per run: the database outlives runs and is shared.
        var postgres = Requires.Environment("ORCHESTRATOR_TEST_POSTGRES");
        var store = new Store(kind, postgres, name);
        await store.Execute($"CREATE SCHEMA {name}");
        return store;
    }

    private sealed record Store(string Kind, string ConnectionString, string? Schema)
    {
        public Dictionary<string, string?> Settings => new()
        {
            ["Orchestrator:Store:Provider"] = Kind == Sqlite ? "Sqlite" : "PostgreSql",
            ["Orchestrator:Store:ConnectionString"] = ConnectionString,
            ["Orchestrator:Store:Schema"] = Schema ?? "",
        };

        public async Task<string[]> TableNames()
        {
            var names = new List<string>();
            await using var connection = await Open();
            await using var command = connection.CreateCommand();
            command.CommandText = Kind == Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{Schema}'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            return [.. names.Order(StringComparer.Ordinal)];
        }

        /// <summary>Runs <paramref name="sql"/> with <c>{0}</c> standing for the schema prefix of a table.</summary>
        public async Task Execute(string sql)
        {
            await using var connection = await Open();
            await using var command = connection.CreateCommand();
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, Prefix);
            await command.ExecuteNonQueryAsync();
        }

        public async Task<long> Scalar(string sql)
        {
            await using var connection = await Open();
            await using var command = connection.CreateCommand();
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, Prefix);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        private string Prefix => Schema is null ? "" : $"{Schema}.";

        private async Task<DbConnection> Open()
        {
            DbConnection connection = Kind == Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            return connection;
        }
    }
}
