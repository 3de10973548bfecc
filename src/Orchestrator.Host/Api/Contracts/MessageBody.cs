namespace Orchestrator.Host.Api.Contracts;

/// <summary>
/// Body of <c>POST /v1/conversations/{token}/messages</c>: one customer message, idempotent per <c>message_id</c>.
/// <c>to: "workbench"</c> leaves it on Udesk's IM workbench (optionally for <c>agent_id</c> or <c>group_id</c>)
/// instead of routing it by the conversation's state.
/// </summary>
public sealed record MessageBody(string? MessageId, string? Type, MessageData? Data, string? To = null, long? AgentId = null, long? GroupId = null);

/// <summary>Udesk's <c>data</c> of a customer message.</summary>
public sealed record MessageData(string? Content = null, string? Font = null, string? Filename = null, string? Filesize = null, int? Duration = null);

/// <summary>Body of <c>PUT /v1/conversations/{token}/preview</c>: what the customer is typing.</summary>
public sealed record PreviewBody(string? Content);
