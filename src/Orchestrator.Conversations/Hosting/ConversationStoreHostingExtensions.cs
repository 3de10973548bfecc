using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using LinqToDB;
using Orchestrator.Conversations.Configuration;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Conversations.Hosting;

public static class ConversationStoreHostingExtensions
{
    /// <summary>
    /// The journal and snapshot store of every conversation: Akka.Persistence.Sql with the current table layout,
    /// tables created on start, tuned by <c>hocon/persistence.*.conf</c> (which binds the tag adapter); the tags
    /// checked at start (<see cref="JournalTagCheck"/>).
    /// </summary>
    public static AkkaConfigurationBuilder WithConversationStore(this AkkaConfigurationBuilder builder, ConversationStoreOptions options)
    {
        var (providerName, journalData, snapshotData, hocon) = options.Provider switch
        {
            StoreProvider.Sqlite => SqliteSetup(options),
            StoreProvider.PostgreSql => (ProviderName.PostgreSQL15, (DataOptions?)null, (DataOptions?)null, HoconFiles.PostgreSqlPersistence),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown store provider."),
        };

        var journal = new SqlJournalOptions(isDefaultPlugin: true)
        {
            ConnectionString = options.ConnectionString,
            ProviderName = providerName,
            AutoInitialize = options.AutoInitialize,
            DataOptions = journalData,
            DatabaseOptions = string.IsNullOrEmpty(options.Schema) ? null : new JournalDatabaseOptions(DatabaseMapping.Default) { SchemaName = options.Schema },
        };
        var snapshots = new SqlSnapshotOptions(isDefaultPlugin: true)
        {
            ConnectionString = options.ConnectionString,
            ProviderName = providerName,
            AutoInitialize = options.AutoInitialize,
            DataOptions = snapshotData,
            DatabaseOptions = string.IsNullOrEmpty(options.Schema) ? null : new SnapshotDatabaseOptions(DatabaseMapping.Default) { SchemaName = options.Schema },
        };

        return builder
            .WithSqlPersistence(journal, snapshots)
            .AddHocon(HoconFiles.Load(hocon), HoconAddMode.Prepend)
            // Not awaited: the check waits for the journal, which must not hold up the system's start.
            .AddStartup((system, registry) => { _ = JournalTagCheck.RunAsync(system, options); });
    }

    private static (string, DataOptions?, DataOptions?, string) SqliteSetup(ConversationStoreOptions options)
    {
        SqliteStore.EnsureFolder(options.ConnectionString);
        return (
            SqliteStore.ProviderName,
            SqliteStore.DataOptions(options.ConnectionString, options.SqliteSynchronous, onThreadPool: true),
            // A snapshot is only a shortcut through the journal: it needs no fsync of its own. Under WAL, commits
            // reach the disk in order, so the journal's next synchronous commit makes it durable too, and a power
            // loss can only take the newest snapshots (with their deletions of older ones), never leave a gap.
            SqliteStore.DataOptions(options.ConnectionString, SqliteSynchronous.Normal, onThreadPool: false),
            HoconFiles.SqlitePersistence);
    }
}
