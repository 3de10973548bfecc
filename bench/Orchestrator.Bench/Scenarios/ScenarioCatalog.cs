using Orchestrator.Bench.Micro;

namespace Orchestrator.Bench.Scenarios;

internal static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new IngestScenario(),
        new WakeScenario(),
        new SendScenario(),
        new RecoverScenario(),
        new MemoryScenario(),
        new MicroScenario(),
        new ReadersScenario(),
    ];
}
