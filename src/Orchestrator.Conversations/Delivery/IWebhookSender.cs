using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// Makes one POST of one event to the tenant's webhook, within the attempt time-out. Implemented by the host
/// (HTTP, signing), so this project stays free of ASP.NET. Never throws for a failed attempt: it answers one.
/// </summary>
public interface IWebhookSender
{
    Task<WebhookResponse> SendAsync(ConversationId conversation, FeedEntry entry, CancellationToken cancellationToken);
}

/// <summary>
/// How an attempt went: the receiver's HTTP status, or none (<see cref="Status"/> null) when it did not answer in
/// time or could not be reached; <see cref="Failure"/> says why.
/// </summary>
public sealed record WebhookResponse(int? Status, TimeSpan? RetryAfter = null, string? Failure = null)
{
    public bool Acknowledged => Status is >= 200 and < 300;

    /// <summary>Worth another attempt: no answer, 408, 429 or 5xx. Any other non-2xx is the receiver refusing it.</summary>
    public bool Retryable => Status is null or 408 or 429 or >= 500;

    public override string ToString() => Status is { } status ? $"HTTP {status}" : Failure ?? "no answer";
}
