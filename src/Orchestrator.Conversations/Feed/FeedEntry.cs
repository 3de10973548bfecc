using System.Text.Json;

namespace Orchestrator.Conversations.Feed;

/// <summary>
/// One event of a conversation as the platform consumes it. <see cref="Seq"/> orders and identifies it within the
/// conversation; <see cref="Udesk"/> is the payload Udesk pushed, untouched, where the event came from a push.
/// </summary>
/// <param name="Type">What happened, e.g. <c>message</c>, <c>session_started</c>, <c>transferred</c>, <c>closed</c>.</param>
/// <param name="Internal">Not meant for the customer: agent-only message types, late pushes, Udesk calls.</param>
/// <param name="Data">Orchestrator's reading of the event (agent, queue position, close type, …).</param>
public sealed record FeedEntry(
    long Seq,
    DateTimeOffset At,
    string Type,
    bool Internal,
    string? MessageId,
    long? ImSubSessionId,
    IReadOnlyDictionary<string, object?> Data,
    JsonElement? Udesk);
