using Microsoft.Data.Sqlite;

namespace Orchestrator.Bench.Hosting;

/// <summary>A fresh SQLite file under the temp folder, WAL, with the <c>synchronous</c> pragma asked for.</summary>
internal sealed class SqliteStoreTarget : StoreTarget
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "orchestrator-bench");
    private readonly string synchronous;
    private string folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));

    public SqliteStoreTarget(string synchronous)
    {
        this.synchronous = synchronous.ToLowerInvariant() switch
        {
            "full" => "Full",
            "normal" => "Normal",
            _ => throw new ArgumentException($"--sqlite-sync must be full or normal, not '{synchronous}'."),
        };
    }

    public override string Name => synchronous == "Full" ? "sqlite" : "sqlite-normal";

    public override string Description => $"SQLite WAL synchronous={synchronous.ToUpperInvariant()}, file under {Path.GetTempPath()}";

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Orchestrator:Store:Provider"] = "Sqlite",
        ["Orchestrator:Store:ConnectionString"] = $"Data Source={Path.Combine(folder, "orchestrator.db")}",
        ["Orchestrator:Store:SqliteSynchronous"] = synchronous,
    };

    /// <summary>
    /// A new file in a new folder: pooled connections of the previous run still hold the old one open, so deleting
    /// it and reusing the name would hand them back.
    /// </summary>
    public override Task ResetAsync(CancellationToken ct)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public override void CleanUp()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
