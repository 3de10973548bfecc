namespace Orchestrator.Udesk.Simulator.Logging;

/// <summary>
/// One push delivery attempt (or push event such as a pause) and its outcome. Every attempt of a batch shares
/// <see cref="BatchId"/>; <see cref="OrderingKey"/> is the customer whose batches are delivered in order.
/// </summary>
public sealed record PushRecord(
    long Sequence,
    DateTimeOffset At,
    long BatchId,
    string OrderingKey,
    string Kind,
    string? Url,
    int Attempt,
    PushOutcome Outcome,
    int? HttpStatus,
    IReadOnlyList<string> MessageIds,
    string Body,
    string? Detail);

public enum PushOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Delivered again on purpose (duplicate fault); answered 2xx.</summary>
    DuplicateDelivered,

    /// <summary>The receiver answered non-2xx or the connection failed; retried later.</summary>
    Failed,

    /// <summary>No answer within the push time-out; retried later.</summary>
    TimedOut,

    /// <summary>Every attempt failed; the batch is dropped.</summary>
    GaveUp,

    /// <summary>No Receiving Message URL is set; the batch is dropped.</summary>
    NoPushUrl,

    /// <summary>Too many time-outs: pushes pause (an event, not an attempt).</summary>
    Paused,
}
