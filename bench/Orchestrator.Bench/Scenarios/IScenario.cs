using Orchestrator.Bench.Results;

namespace Orchestrator.Bench.Scenarios;

/// <summary>One measurement, selectable by <see cref="Name"/> on the command line.</summary>
internal interface IScenario
{
    string Name { get; }

    string Description { get; }

    /// <summary>Whether it runs against a store (<c>--store</c>); the micro-benchmarks do not.</summary>
    bool UsesStore { get; }

    Task<BenchResult> RunAsync(BenchContext context);
}
