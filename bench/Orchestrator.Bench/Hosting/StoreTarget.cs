using Orchestrator.Bench.Cli;

namespace Orchestrator.Bench.Hosting;

/// <summary>The event store a scenario runs against, emptied before each run (<c>--store sqlite|postgresql</c>).</summary>
internal abstract class StoreTarget
{
    /// <summary>Short name for result files: <c>sqlite</c>, <c>sqlite-normal</c>, <c>postgresql</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What the store is, for the result file.</summary>
    public abstract string Description { get; }

    /// <summary>The <c>Orchestrator:Store</c> settings that point the service at this store.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Empties the store: the next service starts on no events at all.</summary>
    public abstract Task ResetAsync(CancellationToken ct);

    /// <summary>Removes what the runs left behind where nobody will look at it again (SQLite's temp files).</summary>
    public virtual void CleanUp()
    {
    }

    public static StoreTarget From(BenchArguments arguments) =>
        arguments.Text("store", "sqlite") switch
        {
            "sqlite" => new SqliteStoreTarget(arguments.Text("sqlite-sync", "full")),
            "postgresql" or "postgres" or "pg" => new PostgresStoreTarget(
                arguments.Text("pg", Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_POSTGRES") ?? PostgresStoreTarget.DefaultConnectionString)),
            var other => throw new ArgumentException($"--store must be sqlite or postgresql, not '{other}'."),
        };
}
