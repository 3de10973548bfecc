namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// Persisted by the dispatcher (and its snapshot): every journal event up to <paramref name="Offset"/> was handed
/// to its delivery and acknowledged. A restart reads on from there.
/// </summary>
public sealed record DispatchOffsetRecorded(long Offset);
