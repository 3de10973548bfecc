using Npgsql;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Tests.Support;

namespace Orchestrator.Conversations.Tests.Persistence;

/// <summary>
/// On PostgreSQL the outbox sweeper's tag read goes through the partial index of outbox events, whatever else the
/// journal holds, so a start no longer walks the journal since the last call. The plan is asked for the statement
/// Akka.Persistence.Sql 1.5.73 sends (captured from the server's log), with its parameters as it binds them.
/// </summary>
public sealed class OutboxTagIndexTests : IDisposable
{
    private const string PluginTagRead = """
        SELECT r.ordering, r.created, r.deleted, r.persistence_id, r.sequence_number, r.message, r.tags, r.manifest, r.identifier, r.writer_uuid
        FROM {0} r
        WHERE r.tags IS NOT NULL AND r.tags LIKE $1 ESCAPE '~' AND NOT r.deleted AND r.ordering > $2 AND r.ordering <= $3
        ORDER BY r.ordering
        LIMIT $4
        """;

    private readonly ConversationFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [SkippableFact]
    public async Task A_node_creating_the_journal_indexes_its_outbox_events_and_the_sweepers_read_uses_the_index()
    {
        var store = await IndexedJournal();

        Assert.Contains($"Index Scan using {OutboxTagIndex.Name}", await PlanOfTheTagRead(store));
    }

    [SkippableFact]
    public async Task An_index_left_invalid_by_an_interrupted_build_is_built_again()
    {
        var store = await IndexedJournal();
        // What a CREATE INDEX CONCURRENTLY that failed halfway leaves: the index there, but not valid, so never used.
        await Execute(store, $"UPDATE pg_index SET indisvalid = false WHERE indexrelid = '{store.Schema}.{OutboxTagIndex.Name}'::regclass");
        Assert.DoesNotContain(OutboxTagIndex.Name, await PlanOfTheTagRead(store));

        await OutboxTagIndex.EnsureAsync(store, CancellationToken.None);

        Assert.True(await IsValid(store));
        Assert.Contains($"Index Scan using {OutboxTagIndex.Name}", await PlanOfTheTagRead(store));
    }

    [SkippableFact]
    public async Task Nodes_building_the_index_at_once_all_succeed_and_leave_it_valid()
    {
        // As `migrate` and its own start check, or several nodes creating tables, do: each sees the index missing, or
        // another's build in progress (not valid yet), which it must not take for one left broken and drop.
        var store = await IndexedJournal();
        await Execute(store, $"DROP INDEX {store.Schema}.{OutboxTagIndex.Name}");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OutboxTagIndex.EnsureAsync(store, CancellationToken.None)));

        Assert.True(await IsValid(store));
        Assert.Contains($"Index Scan using {OutboxTagIndex.Name}", await PlanOfTheTagRead(store));
    }

    /// <summary>
    /// A journal made by a node (which indexes the outbox events at start), then 50,000 other events and 20 outbox
    /// events written into it as the plugin writes them.
    /// </summary>
    private async Task<ConversationStoreOptions> IndexedJournal()
    {
        var store = await TestStores.CreateAsync(TestStores.PostgreSql);
        await using (await ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store)))
        {
            await Eventually.True(() => IsValid(store), "the outbox index created at start");
        }

        await Fill(store, otherEvents: 50_000, outboxEvents: 20);
        return store;
    }

    private static async Task<bool> IsValid(ConversationStoreOptions store)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND n.nspname = $2",
            connection);
        command.Parameters.AddWithValue(OutboxTagIndex.Name);
        command.Parameters.AddWithValue(store.Schema!);
        return await command.ExecuteScalarAsync() is true;
    }

    /// <summary>Journal rows of other events (tagged by tenant only) and of outbox events, as the plugin writes them.</summary>
    private static Task Fill(ConversationStoreOptions store, int otherEvents, int outboxEvents) => Execute(store, $"""
        INSERT INTO {store.Schema}.journal (created, deleted, persistence_id, sequence_number, message, tags, manifest, identifier, writer_uuid)
        SELECT 0, false, 'conversation/default/filler-' || g, 1, '\x7b7d'::bytea, ';t:default;', 'conversation.message-received', 1, 'w'
        FROM generate_series(1, {otherEvents}) g;
        INSERT INTO {store.Schema}.journal (created, deleted, persistence_id, sequence_number, message, tags, manifest, identifier, writer_uuid)
        SELECT 0, false, 'conversation/default/caller-' || g, 1, '\x7b7d'::bytea, ';t:default;k:outbox;', 'conversation.udesk-call-queued', 1, 'w'
        FROM generate_series(1, {outboxEvents}) g;
        ANALYZE {store.Schema}.journal;
        """);

    private static async Task<string> PlanOfTheTagRead(ConversationStoreOptions store)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN " + string.Format(PluginTagRead, $"{store.Schema}.journal"), connection);
        foreach (var value in new object[] { $"%;{JournalTags.Outbox};%", 0L, long.MaxValue, 500L })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join('\n', plan);
    }

    private static async Task Execute(ConversationStoreOptions store, string sql)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
