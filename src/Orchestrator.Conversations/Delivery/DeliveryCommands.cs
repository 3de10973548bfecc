using System.Text.Json.Serialization;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Serialization;

namespace Orchestrator.Conversations.Delivery;

/// <summary>What a conversation's delivery entity is asked; they cross nodes through the delivery region.</summary>
public static class DeliveryCommands
{
    public abstract record Command(ConversationId Conversation);

    /// <summary>
    /// The conversation has events up to <paramref name="UpToSeq"/>: answered <see cref="DeliveryReplies.DeliveryAcknowledged"/>
    /// once they cannot be missed (held by a delivery with work in hand, which stays in memory and after a crash reads
    /// on to the journal's end, or else recorded). Idempotent, so the dispatcher may send it again after a crash.
    /// </summary>
    /// <remarks>What a node of the version before sends; this version's dispatcher sends <see cref="DeliverEvents"/>.</remarks>
    public sealed record Deliver(ConversationId Conversation, long UpToSeq) : Command(Conversation);

    /// <summary>
    /// <see cref="Deliver"/> with the conversation's new events themselves, as the dispatcher read them from the
    /// tenant's stream (in seq order, up to <paramref name="UpToSeq"/>): a delivery that holds everything before them
    /// sends them without reading the journal; any other reads them, as for <see cref="Deliver"/>.
    /// </summary>
    public sealed record DeliverEvents(
        ConversationId Conversation,
        long UpToSeq,
        [property: JsonConverter(typeof(ManifestedEventsConverter))] IReadOnlyList<ConversationEvents.Event> Events) : Command(Conversation);

    /// <summary>Send dead-lettered event <paramref name="Seq"/> once more, now, out of order.</summary>
    public sealed record ReplayDeadLetter(ConversationId Conversation, long Seq) : Command(Conversation);

    /// <summary>Answered with <see cref="DeliveryReplies.DeliveryStatus"/>.</summary>
    public sealed record GetDeliveryState(ConversationId Conversation) : Command(Conversation);
}

public static class DeliveryReplies
{
    public abstract record Reply;

    public sealed record DeliveryAcknowledged(ConversationId Conversation, long UpToSeq) : Reply;

    /// <summary>The replay is under way; the event leaves the dead-letter list once the receiver acknowledges it.</summary>
    public sealed record ReplayStarted(ConversationId Conversation, long Seq) : Reply;

    /// <summary>Event <paramref name="Seq"/> is not (or no longer) dead-lettered.</summary>
    public sealed record NotDeadLettered(ConversationId Conversation, long Seq) : Reply;

    public sealed record DeliveryStatus(DeliveryState State) : Reply;
}
