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

public sealed record PermitGranted(long RequestId);
