namespace Orchestrator.Bench.Results;

/// <summary>
/// What one run measured: named figures (units in the name, e.g. <c>ack_p99_ms</c>), the options it ran with, and
/// the one-line summary printed at the end.
/// </summary>
internal sealed record BenchResult(
    string Scenario,
    string? Store,
    string? StoreDescription,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyDictionary<string, object> Figures,
    string SummaryLine);
