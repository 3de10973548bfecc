using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Messages;

/// <summary>Per agent: customer messages not yet read, and leave-messages not handled within 7 days.</summary>
public sealed record AgentUnreadMessages : UdeskResponse
{
    public const int MaxAgentsPerCall = 30;

    public IReadOnlyList<AgentUnreadCount>? Results { get; init; }
}

public sealed record AgentUnreadCount : UdeskObject
{
    public long AgentId { get; init; }

    public int? UnreadSessionMessageNum { get; init; }

    public int? UnsolvedLeaveMessageNum { get; init; }
}
