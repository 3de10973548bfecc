namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// Persisted by the dispatcher (and its snapshot) while it followed every event in one stream: every journal event up
/// to <paramref name="Offset"/> was handed to its delivery and acknowledged. No longer written; still read, as every
/// tenant's start (<see cref="DispatchOffsets"/>), and <see cref="TenantDispatchOffsetRecorded"/> follows it.
/// </summary>
public sealed record DispatchOffsetRecorded(long Offset);
