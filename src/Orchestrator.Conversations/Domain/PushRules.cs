using Orchestrator.Conversations.Outbox;
using Orchestrator.Udesk.Messages;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// How one pushed message moves the conversation, as Udesk really drives it: batches may be split or reordered, a
/// redirect is pushed as a <c>close</c> then a <c>transfer</c>, and the first sign of a new session may be a message
/// that carries its <c>im_sub_session_id</c> rather than the <c>start_session</c> or <c>transfer</c> event. What an
/// agent or robot says is always kept for the customer, however late it comes (a reply still in flight at a close,
/// a robot answer delayed by retries); only events that would move a conversation that has moved on are late.
/// </summary>
internal static class PushRules
{
    public static void Events(EventSequencer events, string assignType, PushedItem.Readable message)
    {
        var state = events.State;
        var session = message.ImSubSessionId;
        var agent = message.Agent ?? new AgentInfo(null, null, null);
        var isPastSession = session is { } s && s != state.ImSubSessionId && state.PreviousSessionIds.Contains(s);

        if (state.DeclineNextSession && NewSessionOf(state, message, isPastSession) is { } unwanted)
        {
            events.Add((seq, at) => new SessionDeclined(seq, at, unwanted, message.MessageId, message.Kind, message.Raw));
            events.Add((seq, at) => new UdeskCallQueued(seq, at, new OutboundCall.CloseSession(unwanted)));
            return;
        }

        switch (message.Kind)
        {
            case MessageType.StartSession when session is { } id && !(state.Status == ConversationStatus.Closed && (id == state.ImSubSessionId || isPastSession)):
                if (state.Status == ConversationStatus.Agent && state.ImSubSessionId == id)
                {
                    // The session answer (or a message of the session) already started it: keep the push, show nothing twice.
                    events.Add((seq, at) => new MessageReceived(seq, at, message.MessageId, assignType, message.Kind, false, session, message.Raw));
                }
                else
                {
                    events.Add((seq, at) => new AgentSessionStarted(seq, at, id, agent, null, message.MessageId, message.Raw));
                }

                return;
            case MessageType.Transfer when session is { } to && to == state.ImSubSessionId && state.Status == ConversationStatus.Agent:
                // A message of the new session came first and moved the conversation already: the transfer text is still shown.
                events.Add((seq, at) => new MessageReceived(seq, at, message.MessageId, assignType, message.Kind, message.Visible, session, message.Raw));
                return;
            case MessageType.Transfer when session is { } to && state.Status != ConversationStatus.Closed && !isPastSession:
                events.Add((seq, at) => new SessionTransferred(seq, at, state.ImSubSessionId, to, agent, message.MessageId, message.Raw));
                return;
            case MessageType.Close when message.CloseType == CloseTypes.Redirect && state.Status != ConversationStatus.Closed:
                // A redirect is a close of the old session followed by a transfer: the conversation follows the transfer.
                events.Add((seq, at) => new MessageReceived(seq, at, message.MessageId, assignType, message.Kind, false, session, message.Raw));
                return;
            case MessageType.Close when state.Status != ConversationStatus.Closed && !isPastSession:
                events.Add((seq, at) => new SessionClosed(
                    seq, at, message.CloseType ?? CloseTypes.Normal, CloseInitiator.Udesk, session ?? state.ImSubSessionId, message.SurveyOptions, message.MessageId, message.Raw));
                return;
        }

        if (message.Kind is MessageType.Close or MessageType.Transfer or MessageType.StartSession && (state.Status == ConversationStatus.Closed || isPastSession))
        {
            events.Add((seq, at) => new LatePushRecorded(seq, at, message.MessageId, message.Kind, session, message.Raw));
            return;
        }

        if (session is { } newer && IsNewSession(state, newer, isPastSession))
        {
            // The start_session or transfer of this session is late (split or reordered batches): its message says where the customer is now.
            if (state.Status == ConversationStatus.Agent)
            {
                events.Add((seq, at) => new SessionTransferred(seq, at, state.ImSubSessionId, newer, agent, null, message.Raw));
            }
            else
            {
                events.Add((seq, at) => new AgentSessionStarted(seq, at, newer, agent, null, null, message.Raw));
            }
        }

        events.Add((seq, at) => new MessageReceived(seq, at, message.MessageId, assignType, message.Kind, message.Visible, session, message.Raw));
    }

    /// <summary>The agent session <paramref name="message"/> would move the conversation into, if it is one it has not been in.</summary>
    private static SessionId? NewSessionOf(ConversationState state, PushedItem.Readable message, bool isPastSession) =>
        message.ImSubSessionId is { } session && !isPastSession && session != state.ImSubSessionId
        && (message.Kind is MessageType.StartSession or MessageType.Transfer || IsNewSession(state, session, isPastSession))
            ? session
            : null;

    /// <summary>
    /// An agent session the conversation has not been in: newer than the current one (Udesk's ids grow), or the
    /// first one at all. An older id it never saw is a straggler, not a new session.
    /// </summary>
    private static bool IsNewSession(ConversationState state, SessionId session, bool isPastSession) =>
        session.Value > 0 && !isPastSession && session != state.ImSubSessionId && (state.ImSubSessionId is not { } current || session > current);
}
