namespace Orchestrator.Conversations.Domain;

/// <summary>The human agent serving the conversation, as Udesk named them.</summary>
public sealed record AgentInfo(long? Id, string? Name, string? Avatar);
