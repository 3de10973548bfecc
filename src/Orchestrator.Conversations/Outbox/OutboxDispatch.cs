using Orchestrator.Conversations.Domain;
using Orchestrator.Udesk.Messages;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Outbox;

/// <summary>
/// What to do with the outbox head now that its turn has come. Calls queued behind a session request were accepted
/// before its answer was known; they are routed (messages), checked (another session request) or decided (a close)
/// against the state that answer led to. Pure: the actor sends what this says to send and completes the rest.
/// </summary>
public static class OutboxDispatch
{
    public static Step Prepare(ConversationState state, PendingCall head) => head.Call switch
    {
        OutboundCall.SendMessageOnceRouted waiting => ConversationDecider.Route(state, waiting) switch
        {
            null => new Step.Complete(new CallOutcome.Refused(null, $"No session to send message {waiting.MessageId} to: the session request before it did not open one.")),
            { ImSubSessionId: 0 or -1 } when waiting.Type != MessageType.Text => new Step.Complete(new CallOutcome.Refused(null, "The robot takes only text messages (type 'message').")),
            var routed => new Step.Send(head with { Call = routed }),
        },
        // Routed to a session a transfer has replaced since: the customer is in the current one now.
        OutboundCall.SendMessage { ImSubSessionId: > 0 } message when IsReplaced(state, message.ImSubSessionId) =>
            new Step.Send(head with { Call = message with { ImSubSessionId = state.ImSubSessionId!.Value.Value } }),
        OutboundCall.CreateSession when state.Status is ConversationStatus.Queued or ConversationStatus.Agent =>
            new Step.Complete(new CallOutcome.Refused(null, $"The request before this one left the conversation {(state.Status == ConversationStatus.Queued ? "queued" : "with an agent")}; close it or abandon the queue first.")),
        OutboundCall.CloseOnceAnswered => new Step.Complete(new CallOutcome.Done()),
        _ => new Step.Send(head),
    };

    /// <summary>
    /// The record to write before <paramref name="call"/> is made, if it needs one (<see cref="UnansweredCalls.RecordsStart"/>)
    /// and has none yet.
    /// </summary>
    public static UdeskCallStarted? StartOf(ConversationState state, PendingCall call, DateTimeOffset now) =>
        !call.MayHaveReachedUdesk && UnansweredCalls.RecordsStart(call.Call) ? new UdeskCallStarted(state.Seq + 1, now, call.Seq) : null;

    private static bool IsReplaced(ConversationState state, long session) =>
        state is { Status: ConversationStatus.Agent, ImSubSessionId: { } current } && current.Value != session && state.PreviousSessionIds.Contains(new SessionId(session));

    public abstract record Step
    {
        /// <summary>Make this call (routed where it had to be).</summary>
        public sealed record Send(PendingCall Call) : Step;

        /// <summary>Nothing to send to Udesk: the call is over with this outcome.</summary>
        public sealed record Complete(CallOutcome Outcome) : Step;
    }
}
