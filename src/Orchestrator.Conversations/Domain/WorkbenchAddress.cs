namespace Orchestrator.Conversations.Domain;

/// <summary>A message for Udesk's IM workbench, optionally for one agent or group (Udesk's <c>agent_id</c>, <c>group_id</c> with -2).</summary>
public sealed record WorkbenchAddress(long? AgentId = null, long? GroupId = null);
