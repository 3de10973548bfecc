namespace Orchestrator.Conversations.Persistence;

/// <summary>The database behind the journal and snapshot store.</summary>
public enum StoreProvider
{
    /// <summary>One file, one writer: the embedded single-node default.</summary>
    Sqlite,

    /// <summary>The clustered production store.</summary>
    PostgreSql,
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> in WAL mode: the durability/throughput trade-off.</summary>
public enum SqliteSynchronous
{
    /// <summary>Every commit reaches the disk before it is acknowledged; survives power loss.</summary>
    Full,

    /// <summary>About twice the throughput; survives a process crash, may lose the last commits on OS crash or power loss.</summary>
    Normal,
}
