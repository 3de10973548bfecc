namespace Orchestrator.Bench.Scenarios;

/// <summary>Issue 16's targets (issue 7's before them), so each result states the figure it is held against.</summary>
internal static class Targets
{
    /// <summary>Durable push acknowledgements per second at saturation: 12,000 on SQLite, 8,000 on PostgreSQL.</summary>
    public static double IngestPerSecond(string? store) => store == "postgresql" ? 8_000 : 12_000;

    /// <summary>p99 acknowledgement latency at half of saturation.</summary>
    public const double IngestP99Millis = 50;

    /// <summary>New conversations per second (issue 16 sets it for both stores; the name is issue 7's).</summary>
    public const double WakeNewPerSecondSqlite = 4_000;

    /// <summary>Managed heap per active conversation at 100,000 conversations.</summary>
    public const double BytesPerConversation = 4 * 1024;

    /// <summary>Working set per active conversation at 100,000 conversations.</summary>
    public const double WorkingSetBytesPerConversation = 6 * 1024;

    /// <summary>Recovery of a 10k-event conversation with snapshots.</summary>
    public const double Recover10kSnapshotMillis = 100;
}
