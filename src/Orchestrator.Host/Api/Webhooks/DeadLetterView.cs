using Orchestrator.Conversations.Delivery;

namespace Orchestrator.Host.Api.Webhooks;

/// <summary>A page of <c>GET /v1/deliveries/dead</c>; continue with <c>after={next_after}</c>.</summary>
public sealed record DeadLetterPageView(IReadOnlyList<DeadLetterView> DeadLetters, long NextAfter);

/// <summary>An event the platform's webhook never acknowledged; replay it with <c>POST /v1/deliveries/dead/{id}/replay</c>.</summary>
public sealed record DeadLetterView(long Id, string EventId, string CustomerToken, long Seq, string Reason, int? LastStatus, DateTimeOffset At)
{
    public static DeadLetterView Of(IndexedDeadLetter entry) => new(
        entry.Id,
        $"{entry.Conversation.Tenant}/{entry.Conversation.CustomerToken}/{entry.Seq}",
        entry.Conversation.CustomerToken,
        entry.Seq,
        entry.Reason,
        entry.LastStatus,
        entry.At);
}

/// <summary>The answer to a replay: it is under way; the dead letter leaves the list once the receiver acknowledges it.</summary>
public sealed record ReplayAcceptedView(long Id, string EventId);
