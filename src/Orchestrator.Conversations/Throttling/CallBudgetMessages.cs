using Orchestrator.Conversations.Outbox;

namespace Orchestrator.Conversations.Throttling;

/// <summary>Which extra limit a call is subject to, on top of the company budget.</summary>
public enum CallLane
{
    General,

    /// <summary>Udesk allows one structured message per 2 s per company.</summary>
    StructuredMessage,
}

/// <summary>Asks the company's call budget for permission to make one Udesk call; answered by <see cref="PermitGranted"/>.</summary>
public sealed record RequestPermit(string Tenant, CallPriority Priority, CallLane Lane, long RequestId);

/// <summary>
/// The call may be made now. Its slot is held until the caller sends <see cref="ReleasePermit"/> with
/// <see cref="Token"/> once Udesk has answered (or the call was given up), because Udesk counts the call on arrival.
/// </summary>
public sealed record PermitGranted(long RequestId, long Token);

/// <summary>The call granted with <see cref="Token"/> is over: its window starts now.</summary>
public sealed record ReleasePermit(string Tenant, long Token);

/// <summary>
/// Asks for a permit only if one is free right now, without queuing: answered at once by <see cref="PermitGranted"/>
/// or <see cref="PermitRefused"/>. For callers that cannot wait (a platform request answers 429 instead). It never
/// goes ahead of a queued <see cref="RequestPermit"/> of the same or a more urgent priority.
/// </summary>
public sealed record TryAcquirePermit(string Tenant, CallPriority Priority, CallLane Lane, long RequestId);

/// <summary>No permit now; <see cref="RetryAfter"/> is the earliest a new attempt could be granted (an estimate).</summary>
public sealed record PermitRefused(long RequestId, TimeSpan RetryAfter);

/// <summary>Asks for how full the tenant's windows are right now (the operations console's gauges); answered by <see cref="TenantBudgetReading"/>.</summary>
public sealed record ReadCallBudget(string Tenant);

/// <summary>
/// One tenant's budget at the moment it was read: <see cref="CallsInWindow"/> of <see cref="CallsPerWindow"/> calls
/// counted in the last <see cref="Window"/> (held ones included), <see cref="Waiting"/> requests queued, and the
/// structured-message lane free again in <see cref="StructuredLaneFreeIn"/> (zero: free now).
/// </summary>
public sealed record TenantBudgetReading(
    string Tenant, int CallsInWindow, int CallsPerWindow, TimeSpan Window, int Waiting, TimeSpan StructuredLaneFreeIn, TimeSpan StructuredLaneInterval);
