using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Conversations.Persistence;

/// <summary>Where conversations' events and snapshots live (configuration section <c>Orchestrator:Store</c>).</summary>
public sealed class ConversationStoreOptions
{
    public const string Section = "Orchestrator:Store";

    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. SQLite's default is a file under <c>./data</c> (the folder is created on start);
    /// PostgreSQL needs one.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=data/orchestrator.db";

    /// <summary>SQLite only; see <see cref="SqliteSynchronous"/>.</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>Create the journal, metadata and snapshot tables on start if missing.</summary>
    public bool AutoInitialize { get; set; } = true;

    /// <summary>PostgreSQL schema of the tables; empty for the connection's default.</summary>
    public string? Schema { get; set; }
}
