using System.Data.Common;

namespace Orchestrator.Conversations.Persistence;

/// <summary>
/// On PostgreSQL, a partial index of the journal's outbox events (<see cref="JournalTags.Outbox"/>) by ordering, for
/// the outbox sweeper's tag read. Akka.Persistence.Sql reads a tag in Csv mode as <c>tags LIKE '%;k:outbox;%' ESCAPE
/// '~' AND ordering &gt; offset … ORDER BY ordering</c>; without this index that is a walk of every row after the
/// sweeper's offset, which moves only when an outbox event arrives, so a start read the whole journal since the last
/// call (7.8 s and 6.8 GB at 10M events, BENCHMARKS.md "Cost as volume grows"). The planner takes the partial index
/// because the plugin sends the pattern as a parameter of an unnamed statement, planned with its value. Not on SQLite,
/// which only uses a partial index for a literal pattern (and runs one node on a local file).
/// </summary>
public static class OutboxTagIndex
{
    public const string Name = "journal_outbox_ordering";

    /// <summary>How often a session waiting for another's build asks again.</summary>
    private static readonly TimeSpan BuilderWait = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Creates the index where it is missing, or rebuilds it where an interrupted build left it invalid: concurrently,
    /// so writes go on while a large journal is indexed. One session at a time builds (a session-level advisory lock
    /// per schema): an index another session is building is not valid yet either, and dropping it as broken
    /// deadlocks the two (as `migrate` and its own start check, or nodes starting together, did).
    /// </summary>
    public static async Task EnsureAsync(ConversationStoreOptions store, CancellationToken cancellationToken)
    {
        if (store.Provider != StoreProvider.PostgreSql)
        {
            return;
        }

        await using var connection = StoreConnections.Create(store);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var builder = $"orchestrator:{Name}:{store.Schema}";

        // Tried, never waited for inside a statement: a build waits for every older snapshot, a blocked lock call's too.
        while (!await AdvisoryLock(command, "pg_try_advisory_lock", builder, cancellationToken))
        {
            await Task.Delay(BuilderWait, cancellationToken);
        }

        try
        {
            await BuildUnlessValid(store, command, cancellationToken);
        }
        finally
        {
            await AdvisoryLock(command, "pg_advisory_unlock", builder, CancellationToken.None);
        }
    }

    private static async Task<bool> AdvisoryLock(DbCommand command, string function, string key, CancellationToken cancellationToken)
    {
        command.Parameters.Clear();
        command.CommandText = $"SELECT {function}(hashtext(@key))";
        command.AddParameter("key", key);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task BuildUnlessValid(ConversationStoreOptions store, DbCommand command, CancellationToken cancellationToken)
    {
        command.Parameters.Clear();
        command.CommandText = """
            SELECT i.indisvalid FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relname = @name AND n.nspname = COALESCE(NULLIF(@schema, ''), current_schema())
            """;
        command.AddParameter("name", Name);
        command.AddParameter("schema", store.Schema ?? "");
        var valid = await command.ExecuteScalarAsync(cancellationToken);
        if (valid is true)
        {
            return;
        }

        command.Parameters.Clear();
        // Building it takes as long as the journal is large; the statement must not time out halfway.
        command.CommandTimeout = 0;
        if (valid is false)
        {
            command.CommandText = $"DROP INDEX CONCURRENTLY IF EXISTS {StoreConnections.Qualified(store, Name)}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        command.CommandText = $"CREATE INDEX CONCURRENTLY IF NOT EXISTS {Name} ON {StoreConnections.Qualified(store, "journal")} (ordering) WHERE tags LIKE '%{JournalTags.Separator}{JournalTags.Outbox}{JournalTags.Separator}%'";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
