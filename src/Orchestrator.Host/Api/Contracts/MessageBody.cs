namespace Orchestrator.Host.Api.Contracts;

/// <summary>Body of <c>POST /v1/conversations/{token}/messages</c>: one customer message, idempotent per <c>message_id</c>.</summary>
public sealed record MessageBody(string? MessageId, string? Type, MessageData? Data);

/// <summary>Udesk's <c>data</c> of a customer message.</summary>
public sealed record MessageData(string? Content = null, string? Font = null, string? Filename = null, string? Filesize = null, int? Duration = null);

/// <summary>Body of <c>PUT /v1/conversations/{token}/preview</c>: what the customer is typing.</summary>
public sealed record PreviewBody(string? Content);
