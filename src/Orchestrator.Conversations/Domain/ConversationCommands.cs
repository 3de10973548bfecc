using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Retention;
using Orchestrator.Udesk.Sessions;

namespace Orchestrator.Conversations.Domain;

/// <summary>What a conversation can be asked to do, by the platform, by Udesk's pushes, or by its own gateway.</summary>
public static class ConversationCommands
{
    public abstract record Command(ConversationId Id)
    {
        /// <summary>The name of the platform API key that sent the command, recorded on its events for audits.</summary>
        public string? IssuedBy { get; init; }
    }

    public sealed record RequestSession(ConversationId Id, SessionRequest Request) : Command(Id);

    /// <summary>
    /// A customer message; <paramref name="MessageId"/> makes it idempotent. With <paramref name="Workbench"/> it is
    /// left on Udesk's IM workbench (<c>im_sub_session_id</c> -2) whatever the conversation's state.
    /// </summary>
    public sealed record SendMessage(ConversationId Id, string MessageId, string Type, MessagePayload Data, WorkbenchAddress? Workbench = null) : Command(Id);

    /// <summary>What the customer is typing. Not persisted: only the newest matters, and it is throttled.</summary>
    public sealed record SendPreview(ConversationId Id, string Content) : Command(Id);

    public sealed record CloseSession(ConversationId Id) : Command(Id);

    public sealed record AbandonQueue(ConversationId Id) : Command(Id);

    /// <summary>
    /// One pushed batch for this customer, each message as the webhook read it, in order. Past
    /// <paramref name="AnswerBy"/> the webhook has already told Udesk to deliver the batch again, so the conversation
    /// does nothing with it: an overloaded service then spends its time on pushes still waited for instead of on
    /// ones already given up.
    /// </summary>
    public sealed record ApplyPush(ConversationId Id, AssignType AssignType, IReadOnlyList<PushedItem> Items, DateTimeOffset? AnswerBy = null) : Command(Id);

    public sealed record ApplyReadReceipt(ConversationId Id, SessionId SessionId, IReadOnlyList<string> MessageIds) : Command(Id);

    public sealed record GetState(ConversationId Id) : Command(Id);

    /// <summary>
    /// Delete the conversation's events and snapshots, then stop: its next command starts a fresh conversation.
    /// Refused while the customer has a session at Udesk or calls to Udesk wait. With <paramref name="ClosedBefore"/>
    /// (retention) only a conversation closed since before then is erased. Answered
    /// <see cref="ConversationReplies.ConversationErased"/> or <see cref="ConversationReplies.Rejected"/>.
    /// </summary>
    public sealed record EraseConversation(ConversationId Id, ErasureReason Reason, DateTimeOffset? ClosedBefore = null) : Command(Id);

    /// <summary>
    /// From the outbox sweeper: calls of this conversation have waited longer than a sweep interval. Starts the
    /// conversation if it is not running and moves its outbox head again if nothing is making it. No reply.
    /// </summary>
    public sealed record WakeOutbox(ConversationId Id) : Command(Id);

    /// <summary>From the conversation's queue watcher: what Udesk's <c>queue_status</c> said while the conversation was queued.</summary>
    public sealed record ObserveQueue(ConversationId Id, string Status, int Position) : Command(Id);

    /// <summary>
    /// From the conversation's gateway: Udesk answered the outbox call at <paramref name="CallSeq"/>; a customer
    /// message's <paramref name="SentTo"/> is the <c>im_sub_session_id</c> it was sent with.
    /// </summary>
    public sealed record CompleteCall(ConversationId Id, long CallSeq, CallOutcome Outcome, long? SentTo = null) : Command(Id);
}
