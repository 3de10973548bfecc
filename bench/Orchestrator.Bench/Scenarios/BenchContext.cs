using Orchestrator.Bench.Cli;
using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Results;

namespace Orchestrator.Bench.Scenarios;

/// <summary>What a scenario gets: its options, its store (null for micro-benchmarks), where results go, and Ctrl+C.</summary>
internal sealed record BenchContext(BenchArguments Arguments, StoreTarget? Store, string ResultsFolder, CancellationToken Cancellation)
{
    /// <summary>A progress line on stderr, so stdout carries only the summary.</summary>
    public static void Progress(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

    /// <summary>The result of this run, with every option it read and the value it used.</summary>
    public BenchResult Result(string scenario, IReadOnlyDictionary<string, object> figures, string summaryLine) =>
        new(scenario, Store?.Name, Store?.Description, new Dictionary<string, string>(Arguments.Used), figures, summaryLine);
}
