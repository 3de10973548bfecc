using System.Text.Json;
using Orchestrator.Conversations.Feed;

namespace Orchestrator.Host.Api.Contracts;

/// <summary>A page of <c>GET /v1/conversations/{token}/events</c>; continue with <c>after={next_after}</c>.</summary>
public sealed record FeedView(IReadOnlyList<FeedEventView> Events, long NextAfter);

/// <summary>
/// One event. <see cref="EventId"/> (<c>tenant/token/seq</c>) is stable forever: keeping the first of each id gives
/// exactly the conversation.
/// </summary>
public sealed record FeedEventView(
    string EventId,
    string CustomerToken,
    long Seq,
    DateTimeOffset At,
    string Type,
    bool Internal,
    string? MessageId,
    long? ImSubSessionId,
    IReadOnlyDictionary<string, object?> Data,
    JsonElement? Udesk)
{
    public static FeedEventView Of(string tenant, string customerToken, FeedEntry entry) => new(
        $"{tenant}/{customerToken}/{entry.Seq}",
        customerToken,
        entry.Seq,
        entry.At,
        entry.Type,
        entry.Internal,
        entry.MessageId,
        entry.ImSubSessionId,
        entry.Data,
        entry.Udesk);
}
