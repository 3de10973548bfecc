using Orchestrator.Conversations.Domain;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Status;

namespace Orchestrator.Conversations.Outbox;

/// <summary>
/// What to do when a call may have reached Udesk but no answer came back (a time-out, a 5xx after the work was
/// done): repeat it only where a repeat does no harm, ask Udesk where asking can tell, and otherwise record it as
/// unconfirmed rather than do it twice. docs/udesk-behaviour.md gives the evidence for each line.
/// </summary>
public static class UnansweredCalls
{
    public static Next Decide(OutboundCall call) => call switch
    {
        // Udesk drops a message_id it has seen ("company message unique identifier"), so the repeat is a no-op there.
        OutboundCall.SendMessage => new Next.Repeat(),
        // Closing a closed session, or leaving a queue already left, is refused (9200) and changes nothing.
        OutboundCall.CloseSession or OutboundCall.AbandonQueue => new Next.Repeat(),
        // An agent request that went through left the customer queued, assigning or in session: queue_status says which.
        OutboundCall.CreateSession { Request.WantsAgent: true } => new Next.AskQueueStatus(),
        // Robot questions need no session id (0), so a robot session Udesk may have opened is as good as one it did.
        OutboundCall.CreateSession { Request.AssignType: AssignType.Robot } =>
            new Next.Complete(new CallOutcome.SessionAnswered(new SessionAnswer(SessionAnswerKind.Robot))),
        // A second urobot session replaces the first; its sessionId is needed for the customer's questions.
        OutboundCall.CreateSession => new Next.Repeat(),
        // A statistic: counting it twice is worse than counting it once unconfirmed.
        _ => new Next.Complete(new CallOutcome.Unconfirmed("Udesk gave no answer and the call is not safe to repeat.")),
    };

    /// <summary>
    /// Whether a call's start is recorded before it is made (<see cref="ConversationEvents.UdeskCallStarted"/>): every
    /// call that is not simply repeated, so that a conversation starting again after a node died or a hand-off ran
    /// out of time knows to settle it this way rather than make it a second time. Repeatable calls (customer messages,
    /// closes) cost no extra write, and placeholders resolved at dispatch (<see cref="OutboxDispatch"/>) are never made.
    /// </summary>
    public static bool RecordsStart(OutboundCall call) =>
        call is not (OutboundCall.SendMessageOnceRouted or OutboundCall.CloseOnceAnswered) && Decide(call) is not Next.Repeat;

    /// <summary>
    /// The outcome of an agent request that may have gone through, read from <c>queue_status</c>; null when Udesk
    /// has no trace of it ('Not in queue'), so it is safe to make again.
    /// </summary>
    public static CallOutcome? FromQueueStatus(string? status, int? count) => QueueStateText.Read(status) switch
    {
        QueueState.InQueue => Answered(new SessionAnswer(SessionAnswerKind.Queued) { Position = count ?? 0 }),
        // In session: the start_session push brings the session; until then it is being assigned.
        QueueState.Assigning or QueueState.InSession => Answered(new SessionAnswer(SessionAnswerKind.AssignmentInProgress)),
        _ => null,
    };

    private static CallOutcome Answered(SessionAnswer answer) => new CallOutcome.SessionAnswered(answer with { Message = "Reconciled with Udesk's queue_status after an unanswered request." });

    public abstract record Next
    {
        public sealed record Repeat : Next;

        public sealed record AskQueueStatus : Next;

        public sealed record Complete(CallOutcome Outcome) : Next;
    }
}
