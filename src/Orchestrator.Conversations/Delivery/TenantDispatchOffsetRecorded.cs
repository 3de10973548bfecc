namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// Persisted by the dispatcher: every event of <paramref name="Tenant"/> up to journal offset
/// <paramref name="Offset"/> was handed to its delivery and acknowledged. A restart follows the tenant's tag on
/// from there. Replaces <see cref="DispatchOffsetRecorded"/>, which is still read (<see cref="DispatchOffsets"/>).
/// </summary>
public sealed record TenantDispatchOffsetRecorded(string Tenant, long Offset);
