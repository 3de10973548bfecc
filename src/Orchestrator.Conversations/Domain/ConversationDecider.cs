using System.Text.RegularExpressions;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Status;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// The conversation's rules as a pure function: a state and a command give the events to persist and the reply.
/// No clock (the time is passed in), no I/O, so every transition is unit-testable without actors.
/// </summary>
public static partial class ConversationDecider
{
    public static Decision Decide(ConversationState state, Command command, DateTimeOffset now) =>
        command.IssuedBy is { } key ? IssuedBy(key, DecideUnsigned(state, command, now)) : DecideUnsigned(state, command, now);

    /// <summary>Every event of <paramref name="decision"/> names the API key whose command it answers.</summary>
    private static Decision IssuedBy(string key, Decision decision) =>
        decision.Events.Count == 0 ? decision : decision with { Events = decision.Events.Select(e => e with { IssuedBy = key }).ToList() };

    private static Decision DecideUnsigned(ConversationState state, Command command, DateTimeOffset now) => command switch
    {
        RequestSession c => RequestSessionDecision(state, c, now),
        SendMessage c => SendMessageDecision(state, c, now),
        SendPreview => state.Status == ConversationStatus.Agent
            ? Decision.Unchanged(state)
            : Decision.Reject(RejectionReason.Conflict, $"A preview needs an agent session; the conversation is {Describe(state)}."),
        CloseSession => CloseDecision(state, now),
        AbandonQueue => AbandonDecision(state, now),
        ApplyPush { AnswerBy: { } answerBy } when now > answerBy => Decision.Reject(RejectionReason.TooLate, $"The push was reached after {answerBy:O}, when its sender stopped waiting."),
        ApplyPush c => PushDecision(state, c, now),
        ApplyReadReceipt c => Decision.Persist([new ReadReceiptReceived(state.Seq + 1, now, c.SessionId, c.MessageIds)], state),
        CompleteCall c => CompleteCallDecision(state, c, now),
        ObserveQueue c => QueueObservation(state, c, now),
        GetState => new Decision([], new ConversationReplies.State(state)),
        EraseConversation c => ErasureDecision(state, c),
        _ => Decision.Reject(RejectionReason.Invalid, $"Unknown command {command.GetType().Name}."),
    };

    private static Decision RequestSessionDecision(ConversationState state, RequestSession command, DateTimeOffset now)
    {
        var request = command.Request;
        if (!Enum.IsDefined(request.AssignType))
        {
            return Decision.Reject(RejectionReason.Invalid, "assign_type must be robot, urobot or agent.");
        }

        if (!request.WantsAgent && request.AssignType == AssignType.Urobot && (request.RobotId is null || request.SceneId is null))
        {
            return Decision.Reject(RejectionReason.Invalid, "robot_id and scene_id are required when assign_type is urobot.");
        }

        if (state.SessionRequestPending)
        {
            // It waits behind the request on its way and is checked against the state that request leads to.
            return Decision.Persist([new UdeskCallQueued(state.Seq + 1, now, new OutboundCall.CreateSession(request))], state);
        }

        if (state.Status is ConversationStatus.Queued or ConversationStatus.Agent)
        {
            return Decision.Reject(RejectionReason.Conflict, $"The conversation is {Describe(state)}; close it or abandon the queue first.");
        }

        var events = new EventSequencer(state, now);
        if (request.WantsAgent && state is { Status: ConversationStatus.Urobot, UrobotSessionId: { } urobotSession, RobotId: { } robot, SceneId: { } scene })
        {
            // Udesk counts urobot → human escalations only when told.
            events.Add((seq, at) => new UdeskCallQueued(seq, at, new OutboundCall.TransferSurvey(urobotSession, robot, scene)));
        }

        events.Add((seq, at) => new UdeskCallQueued(seq, at, new OutboundCall.CreateSession(request)));
        return Decision.Persist(events.Events, state);
    }

    private static Decision SendMessageDecision(ConversationState state, SendMessage command, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(command.MessageId) || !MessageIdPattern().IsMatch(command.MessageId))
        {
            return Decision.Reject(RejectionReason.Invalid, "message_id is required and may contain only letters, digits, '_' and '-'.");
        }

        if (state.AcceptedMessageIds.TryGet(command.MessageId, out var original))
        {
            var repeat = new EventSequencer(state, now);
            DuplicateRules.Dropped(repeat, DuplicateSource.PlatformMessage, command.MessageId, command.Type, original);
            return new Decision(repeat.Events, new ConversationReplies.AlreadyAccepted(original));
        }

        if (!MessageType.Sendable.Contains(command.Type))
        {
            return Decision.Reject(RejectionReason.Invalid, $"type must be one of {string.Join(", ", MessageType.Sendable)}.");
        }

        if (command.Workbench is { } workbench)
        {
            return Decision.Persist([new UdeskCallQueued(state.Seq + 1, now, new OutboundCall.SendMessage(
                command.MessageId, command.Type, command.Data, OutboundCall.SendMessage.Workbench, AgentId: workbench.AgentId, GroupId: workbench.GroupId))], state);
        }

        var call = Route(state, new OutboundCall.SendMessageOnceRouted(command.MessageId, command.Type, command.Data));
        if (call is null)
        {
            // Sent right after a session request: it waits behind that request and goes where its answer leads.
            return state.SessionRequestPending
                ? Decision.Persist([new UdeskCallQueued(state.Seq + 1, now, new OutboundCall.SendMessageOnceRouted(command.MessageId, command.Type, command.Data))], state)
                : Decision.Reject(RejectionReason.Conflict, $"The conversation is {Describe(state)}; request a session first.");
        }

        if (state.Status is ConversationStatus.Robot or ConversationStatus.Urobot && command.Type != MessageType.Text)
        {
            return Decision.Reject(RejectionReason.Conflict, "The robot takes only text messages (type 'message').");
        }

        return Decision.Persist([new UdeskCallQueued(state.Seq + 1, now, call)], state);
    }

    /// <summary>
    /// The <c>im_sub_session_id</c> (and robot ids) a customer message takes in <paramref name="state"/>: the agent
    /// session, 0 for the robot, -1 for the urobot, -3 while queued; null when there is no session to send to.
    /// </summary>
    public static OutboundCall.SendMessage? Route(ConversationState state, OutboundCall.SendMessageOnceRouted message) => state.Status switch
    {
        ConversationStatus.Agent => new(message.MessageId, message.Type, message.Data, state.ImSubSessionId!.Value.Value),
        ConversationStatus.Robot => new(message.MessageId, message.Type, message.Data, 0),
        ConversationStatus.Urobot => new(message.MessageId, message.Type, message.Data, -1, state.RobotId, state.SceneId, state.UrobotSessionId),
        ConversationStatus.Queued => new(message.MessageId, message.Type, message.Data, -3),
        _ => null,
    };

    private static Decision CloseDecision(ConversationState state, DateTimeOffset now)
    {
        if (state.SessionRequestPending)
        {
            return Decision.Persist([new UdeskCallQueued(state.Seq + 1, now, new OutboundCall.CloseOnceAnswered())], state);
        }

        switch (state.Status)
        {
            case ConversationStatus.Closed:
                return Decision.Unchanged(state);
            case ConversationStatus.Idle:
                return Decision.Reject(RejectionReason.Conflict, "The conversation has no session to close.");
            case ConversationStatus.Queued:
                return Decision.Reject(RejectionReason.Conflict, "The conversation is queued; abandon the queue instead.");
        }

        var events = new EventSequencer(state, now);
        CloseEvents(events);
        return Decision.Persist(events.Events, state);
    }

    private static void CloseEvents(EventSequencer events)
    {
        var session = events.State.Status == ConversationStatus.Agent ? events.State.ImSubSessionId : null;
        events.Add((seq, at) => new SessionClosed(seq, at, CloseTypes.Normal, CloseInitiator.Customer, session, null, null, null));
        if (session is { } id)
        {
            events.Add((seq, at) => new UdeskCallQueued(seq, at, new OutboundCall.CloseSession(id)));
        }
    }

    /// <summary>A close that waited for a session request's answer, decided now that the answer is known.</summary>
    private static void DeferredCloseEvents(EventSequencer events)
    {
        switch (events.State.Status)
        {
            case ConversationStatus.Robot or ConversationStatus.Urobot or ConversationStatus.Agent:
                CloseEvents(events);
                break;
            case ConversationStatus.Queued:
                AbandonEvents(events);
                break;
        }
    }

    private static Decision AbandonDecision(ConversationState state, DateTimeOffset now)
    {
        if (state.Status != ConversationStatus.Queued)
        {
            return Decision.Reject(RejectionReason.Conflict, $"The conversation is {Describe(state)}, not queued.");
        }

        var events = new EventSequencer(state, now);
        AbandonEvents(events);
        return Decision.Persist(events.Events, state);
    }

    private static void AbandonEvents(EventSequencer events)
    {
        var state = events.State;
        var queue = state.Queue?.Name;
        events.Add((seq, at) => new QueueAbandoned(seq, at, queue, state.StatusBeforeQueue ?? ConversationStatus.Idle));
        if (queue is not null)
        {
            events.Add((seq, at) => new UdeskCallQueued(seq, at, new OutboundCall.AbandonQueue(queue)));
        }
    }

    private static Decision CompleteCallDecision(ConversationState state, CompleteCall command, DateTimeOffset now)
    {
        var pending = state.Outbox.FirstOrDefault(p => p.Seq == command.CallSeq);
        if (pending is null)
        {
            // Completed already (a retry raced its answer): nothing to do.
            return Decision.Unchanged(state);
        }

        var events = new EventSequencer(state, now);
        events.Add((seq, at) => new UdeskCallCompleted(seq, at, command.CallSeq, command.Outcome));
        switch (pending.Call, command.Outcome)
        {
            case (OutboundCall.CreateSession create, CallOutcome.SessionAnswered answered):
                SessionAnswerEvents(events, create.Request, answered.Answer);
                break;
            case (OutboundCall.CreateSession, CallOutcome.Refused refused):
                events.Add((seq, at) => new SessionRequestRefused(seq, at, pending.Seq, refused.Code, refused.Message));
                break;
            case (OutboundCall.CloseOnceAnswered, _):
                DeferredCloseEvents(events);
                break;
            case (OutboundCall.ICustomerMessage message, var outcome):
                CustomerMessageOutcome.Events(events, pending.Seq, message, outcome, command.SentTo);
                break;
        }

        return Decision.Persist(events.Events, state);
    }

    private static void SessionAnswerEvents(EventSequencer events, SessionRequest request, SessionAnswer answer)
    {
        // A start_session push may have overtaken the answer: never step back from an agent session.
        if (events.State.Status == ConversationStatus.Agent && answer.Kind != SessionAnswerKind.Agent)
        {
            return;
        }

        switch (answer.Kind)
        {
            case SessionAnswerKind.Robot:
                events.Add((seq, at) => new RobotSessionStarted(seq, at, answer.Welcome ?? answer.Message, answer.Greeting));
                break;
            case SessionAnswerKind.Urobot:
                events.Add((seq, at) => new UrobotSessionStarted(seq, at, request.RobotId ?? 0, request.SceneId ?? 0, answer.UrobotSessionId, answer.Welcome, answer.Greeting));
                break;
            case SessionAnswerKind.Agent when answer.ImSubSessionId is { } session && events.State.ImSubSessionId != session:
                events.Add((seq, at) => new AgentSessionStarted(seq, at, session, answer.Agent ?? new AgentInfo(null, null, null), answer.SurveyOptions, null, null));
                break;
            case SessionAnswerKind.Queued or SessionAnswerKind.AssignmentInProgress:
                events.Add((seq, at) => new Queued(seq, at, new QueueInfo(answer.QueueName, answer.Position), answer.Message));
                break;
            case SessionAnswerKind.NoAgentOnline:
                events.Add((seq, at) => new NoAgentOnline(seq, at, answer.Message));
                break;
        }
    }

    /// <summary>Keeps the queue position live and notices a customer Udesk dropped from its queue without a word.</summary>
    private static Decision QueueObservation(ConversationState state, ObserveQueue observed, DateTimeOffset now)
    {
        if (state.Status != ConversationStatus.Queued || state.SessionRequestPending)
        {
            return Decision.Unchanged(state);
        }

        return QueueStateText.Read(observed.Status) switch
        {
            QueueState.InQueue when observed.Position != state.Queue?.Position =>
                Decision.Persist([new QueuePositionChanged(state.Seq + 1, now, observed.Position)], state),
            QueueState.NotInQueue =>
                Decision.Persist([new DroppedFromQueue(state.Seq + 1, now, state.Queue?.Name, state.StatusBeforeQueue ?? ConversationStatus.Idle)], state),
            _ => Decision.Unchanged(state),
        };
    }

    private static Decision PushDecision(ConversationState state, ApplyPush command, DateTimeOffset now)
    {
        var events = new EventSequencer(state, now);
        var assignType = command.AssignType.Name();
        foreach (var item in command.Items)
        {
            if (PushDedupeKey.Of(item) is { } key && events.State.SeenPushIds.TryGet(key, out var original))
            {
                DuplicateRules.Dropped(events, DuplicateSource.UdeskPush, key, (item as PushedItem.Readable)?.Kind ?? "unreadable", original);
                continue;
            }

            switch (item)
            {
                case PushedItem.Unreadable unreadable:
                    events.Add((seq, at) => new UnreadableMessageReceived(seq, at, unreadable.MessageId, assignType, unreadable.RawUtf8, unreadable.Reason));
                    break;
                case PushedItem.Readable message:
                    PushRules.Events(events, assignType, message);
                    break;
            }
        }

        return Decision.Persist(events.Events, state);
    }

    private static string Describe(ConversationState state) => state.Status switch
    {
        ConversationStatus.Idle => "idle",
        ConversationStatus.Robot => "with the robot",
        ConversationStatus.Urobot => "with the urobot",
        ConversationStatus.Queued => "queued",
        ConversationStatus.Agent => "with an agent",
        _ => "closed",
    };

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex MessageIdPattern();
}
