namespace Orchestrator.Udesk.Simulator.Logging;

/// <summary>
/// One Open API call the simulator received and how it answered: <see cref="HttpStatus"/> and the business
/// <see cref="Code"/>; <see cref="Outcome"/> says which stage answered (fault, auth, rate_limit, handled, ...).
/// </summary>
public sealed record CallRecord(
    long Sequence,
    DateTimeOffset At,
    string Method,
    string Path,
    string Query,
    string? Body,
    int HttpStatus,
    int? Code,
    string Outcome,
    string? Message,
    TimeSpan Duration);
