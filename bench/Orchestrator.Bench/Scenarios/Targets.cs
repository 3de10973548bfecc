namespace Orchestrator.Bench.Scenarios;

/// <summary>Issue 7's targets, so each result states the figure it is held against.</summary>
internal static class Targets
{
    /// <summary>Durable push acknowledgements per second at saturation: 5,000 on SQLite, 10,000 on PostgreSQL.</summary>
    public static double IngestPerSecond(string? store) => store == "postgresql" ? 10_000 : 5_000;

    /// <summary>p99 acknowledgement latency at half <see cref="IngestPerSecond"/>.</summary>
    public const double IngestP99Millis = 100;

    /// <summary>New conversations per second on SQLite (the issue sets none for PostgreSQL).</summary>
    public const double WakeNewPerSecondSqlite = 2_000;

    public const double BytesPerConversation = 8 * 1024;

    /// <summary>Recovery of a 10k-event conversation with snapshots.</summary>
    public const double Recover10kSnapshotMillis = 100;
}
