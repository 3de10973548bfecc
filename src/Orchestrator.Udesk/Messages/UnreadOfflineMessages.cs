using Orchestrator.Udesk.Pushes;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Messages;

/// <summary>Agent messages sent while the customer was offline and not yet read by them.</summary>
public sealed record UnreadOfflineMessages : UdeskResponse
{
    public int? Count { get; init; }

    /// <summary>In the agent push format.</summary>
    public IReadOnlyList<AgentReplyMessage>? UnreadMessages { get; init; }
}
