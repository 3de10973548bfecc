using Orchestrator.Conversations.Outbox;
using Orchestrator.Udesk.Results;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// What Udesk's answer to a customer message means for the platform and the conversation: delivered, or refused
/// with what was done about it. A "session gone" refusal (9200, 19200) of the conversation's current session closes
/// the conversation (Udesk pushed no close); one of a session a transfer has replaced sends the message on.
/// </summary>
internal static class CustomerMessageOutcome
{
    /// <param name="sentTo">Where the gateway sent it (the route may have changed since it was accepted); null when nothing was sent.</param>
    public static void Events(EventSequencer events, long callSeq, OutboundCall.ICustomerMessage message, CallOutcome outcome, long? sentTo)
    {
        var state = events.State;
        var accepted = message as OutboundCall.SendMessage ?? (message is OutboundCall.SendMessageOnceRouted waiting ? ConversationDecider.Route(state, waiting) : null);
        var routed = sentTo is { } to && accepted is not null ? accepted with { ImSubSessionId = to } : accepted;
        var session = routed?.ImSubSessionId;
        switch (outcome)
        {
            case CallOutcome.Refused refused when UdeskCodes.MeansSessionGone(refused.Code) && routed is { ImSubSessionId: not OutboundCall.SendMessage.Workbench }:
                SessionGone(events, callSeq, routed, refused);
                break;
            case CallOutcome.Refused refused:
                events.Add((seq, at) => new CustomerMessageRefused(seq, at, callSeq, message.MessageId, session, refused.Code, refused.Message, RefusalConsequence.None));
                break;
            default:
                events.Add((seq, at) => new CustomerMessageDelivered(seq, at, callSeq, message.MessageId, session));
                break;
        }
    }

    private static void SessionGone(EventSequencer events, long callSeq, OutboundCall.SendMessage routed, CallOutcome.Refused refused)
    {
        var state = events.State;
        var current = ConversationDecider.Route(state, new OutboundCall.SendMessageOnceRouted(routed.MessageId, routed.Type, routed.Data));
        var consequence = current is null || state.Status == ConversationStatus.Closed ? RefusalConsequence.None
            : current.ImSubSessionId != routed.ImSubSessionId && state.Status == ConversationStatus.Agent ? RefusalConsequence.Rerouted
            : RefusalConsequence.SessionClosed;
        events.Add((seq, at) => new CustomerMessageRefused(seq, at, callSeq, routed.MessageId, routed.ImSubSessionId, refused.Code, refused.Message, consequence));
        switch (consequence)
        {
            case RefusalConsequence.Rerouted:
                events.Add((seq, at) => new UdeskCallQueued(seq, at, current!));
                break;
            case RefusalConsequence.SessionClosed:
                var closed = state.Status == ConversationStatus.Agent ? state.ImSubSessionId : null;
                events.Add((seq, at) => new SessionClosed(seq, at, CloseTypes.Gone, CloseInitiator.Udesk, closed, null, null, null));
                break;
        }
    }
}
