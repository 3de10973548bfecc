namespace Orchestrator.Udesk.StructuredMessages;

/// <summary>Sends <see cref="Data"/> into an agent session; signed with the structured-message KEY, not the API token.</summary>
public sealed record StructuredMessageRequest(long ImSubSessionId, long CustomerId, long AgentId, StructuredMessage Data)
{
    /// <summary>The SDK channel source, where the session came from an SDK.</summary>
    public string? JidResource { get; init; }
}
