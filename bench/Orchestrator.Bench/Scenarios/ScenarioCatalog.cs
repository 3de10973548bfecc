using Orchestrator.Bench.Micro;

namespace Orchestrator.Bench.Scenarios;

internal static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new IngestScenario(),
        new WakeScenario(),
        new SendScenario(),
        new DeliverScenario(),
        new RecoverScenario(),
        new MemoryScenario(),
        new OverviewScenario(),
        new MicroScenario(),
        new ReadersScenario(),
        new ScaleScenario(),
    ];
}
