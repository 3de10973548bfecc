namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// What happened to one conversation's webhook delivery. Persisted forever: a type is never renamed or removed.
/// <c>Seq</c> is always the conversation's event sequence number.
/// </summary>
public static class DeliveryEvents
{
    public abstract record Event;

    /// <summary>The conversation's events up to <paramref name="UpToSeq"/> are to be delivered.</summary>
    public sealed record DeliveryScheduled(long UpToSeq) : Event;

    /// <summary>The receiver acknowledged event <paramref name="Seq"/>; everything before it is handled too.</summary>
    public sealed record EventDelivered(long Seq) : Event;

    /// <summary>Events up to <paramref name="UpToSeq"/> need no delivery (internal ones the tenant does not want).</summary>
    public sealed record EventsSkipped(long UpToSeq) : Event;

    /// <summary>Event <paramref name="Seq"/> was given up on; delivery continued with the next.</summary>
    public sealed record EventDeadLettered(long Seq, string Reason, int? LastStatus, DateTimeOffset At) : Event;

    /// <summary>A dead-lettered event was replayed and acknowledged: it leaves the dead-letter list.</summary>
    public sealed record DeadLetterReplayed(long Seq, DateTimeOffset At) : Event;
}
