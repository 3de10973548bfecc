using static Orchestrator.Host.Api.Conversations.ConversationRoute;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>Body of <c>POST .../online-state</c>.</summary>
public sealed record OnlineStateBody(bool? Online)
{
    internal IResult? Problem() => Online is null ? Invalid("online", "online is required: true or false.") : null;
}

/// <summary>Body of <c>POST .../read</c>: the customer read these agent messages.</summary>
/// <param name="SessionId">The agent session they belong to; the current one when absent, else one the conversation had.</param>
public sealed record ReadBody(IReadOnlyList<string?>? MessageIds, long? SessionId = null)
{
    public const int MaxMessageIds = 100;

    internal IResult? Problem() =>
        MessageIds is null || MessageIds.Count is 0 or > MaxMessageIds ? Invalid("message_ids", $"message_ids must name 1 to {MaxMessageIds} agent messages.")
        : MessageIds.Any(string.IsNullOrWhiteSpace) ? Invalid("message_ids", "message_ids may not contain empty ids.")
        : SessionId is <= 0 ? Invalid("session_id", "session_id must be positive when given.")
        : null;
}
