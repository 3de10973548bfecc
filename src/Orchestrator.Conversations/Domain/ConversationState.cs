using System.Text.Json.Serialization;
using System.Collections.Immutable;
using System.Text.Json;
using Orchestrator.Conversations.Outbox;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// A conversation at one point of its history: an immutable value, rebuilt by applying its events in order.
/// Also the snapshot format.
/// </summary>
public sealed record ConversationState
{
    public ConversationStatus Status { get; init; } = ConversationStatus.Idle;

    /// <summary>Sequence number of the last event applied.</summary>
    public long Seq { get; init; }

    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>The agent session messages go to.</summary>
    public SessionId? ImSubSessionId { get; init; }

    /// <summary>Agent sessions this conversation had before the current one (transfers, earlier sessions), oldest first.</summary>
    public ImmutableList<SessionId> PreviousSessionIds { get; init; } = [];

    public AgentInfo? Agent { get; init; }

    public QueueInfo? Queue { get; init; }

    /// <summary>Where abandoning the queue returns to.</summary>
    public ConversationStatus? StatusBeforeQueue { get; init; }

    public long? RobotId { get; init; }

    public long? SceneId { get; init; }

    /// <summary>The urobot's <c>sessionId</c>: messages to the urobot carry it.</summary>
    public long? UrobotSessionId { get; init; }

    /// <summary>The satisfaction survey the customer may fill in (from the agent session or its close).</summary>
    public JsonElement? SurveyOptions { get; init; }

    public string? CloseType { get; init; }

    /// <summary>
    /// A session request (or a close sent while one was on its way) is in the outbox: what comes after it waits for
    /// its answer to know where it goes.
    /// </summary>
    public bool SessionRequestPending { get; init; }

    /// <summary>
    /// The customer left the queue while Udesk was assigning (no queue name to leave), or closed the conversation: the
    /// agent session Udesk starts or moves them to next is closed as soon as it shows up, until a new session request.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DeclineNextSession { get; init; }

    /// <summary>Udesk calls committed to but not yet answered, in the order they must be made.</summary>
    public ImmutableList<PendingCall> Outbox { get; init; } = [];

    /// <summary>Udesk push <c>message_id</c>s already recorded.</summary>
    public RecentIds SeenPushIds { get; init; } = new(ConversationRules.DefaultDedupeWindow);

    /// <summary>Platform <c>message_id</c>s already accepted, with the sequence number that accepted them.</summary>
    public RecentIds AcceptedMessageIds { get; init; } = new(ConversationRules.DefaultDedupeWindow);

    /// <summary>Repeats of each push <c>message_id</c> recorded as dropped duplicates (null: none), for ids still in <see cref="SeenPushIds"/>.</summary>
    public ImmutableDictionary<string, int>? DroppedPushRepeats { get; init; }

    /// <summary>Repeats of each platform <c>message_id</c> recorded as dropped duplicates (null: none), for ids still in <see cref="AcceptedMessageIds"/>.</summary>
    public ImmutableDictionary<string, int>? DroppedMessageRepeats { get; init; }

    /// <summary>How many repeats of <paramref name="messageId"/> from <paramref name="source"/> were recorded already.</summary>
    public int RecordedRepeatsOf(DuplicateSource source, string messageId) =>
        (source == DuplicateSource.UdeskPush ? DroppedPushRepeats : DroppedMessageRepeats)?.GetValueOrDefault(messageId) ?? 0;

    public static ConversationState Initial(ConversationRules rules) => new()
    {
        SeenPushIds = new RecentIds(rules.DedupeWindow),
        AcceptedMessageIds = new RecentIds(rules.DedupeWindow),
    };

    /// <summary>The state after <paramref name="event"/>. Pure: no clock, no I/O.</summary>
    public ConversationState Apply(Event @event)
    {
        var state = this with { Seq = @event.Seq, LastEventAt = @event.At };
        return @event switch
        {
            UdeskCallQueued queued => state.ApplyQueued(queued),
            UdeskCallCompleted completed => state with
            {
                Outbox = state.Outbox.RemoveAll(p => p.Seq == completed.CallSeq),
                // Several requests may wait one behind the other: pending while any is left.
                SessionRequestPending = state.Outbox.Any(p => p.Seq != completed.CallSeq && p.Call.AwaitsSessionAnswer),
                // The start_session push may have come first, without the survey the answer offers for that session.
                SurveyOptions = completed.Outcome is CallOutcome.SessionAnswered { Answer: { Kind: SessionAnswerKind.Agent, SurveyOptions: { } offered } answer }
                    && answer.ImSubSessionId == state.ImSubSessionId && state.SurveyOptions is null
                        ? offered
                        : state.SurveyOptions,
            },
            UdeskCallStarted started => state with
            {
                Outbox = state.Outbox.Select(p => p.Seq == started.CallSeq ? p with { MayHaveReachedUdesk = true } : p).ToImmutableList(),
            },
            RobotSessionStarted => state.EnterSession(ConversationStatus.Robot) with { RobotId = null, SceneId = null, UrobotSessionId = null },
            UrobotSessionStarted urobot => state.EnterSession(ConversationStatus.Urobot) with
            {
                RobotId = urobot.RobotId,
                SceneId = urobot.SceneId,
                UrobotSessionId = urobot.UrobotSessionId,
            },
            Queued q => state with
            {
                StatusBeforeQueue = state.Status == ConversationStatus.Queued ? state.StatusBeforeQueue : state.Status,
                Status = ConversationStatus.Queued,
                Queue = q.Queue,
            },
            NoAgentOnline => state,
            AgentSessionStarted started => state.EnterSession(ConversationStatus.Agent) with
            {
                DeclineNextSession = false,
                ImSubSessionId = started.ImSubSessionId,
                PreviousSessionIds = state.ImSubSessionId is { } old && old != started.ImSubSessionId ? state.PreviousSessionIds.Add(old) : state.PreviousSessionIds,
                Agent = started.Agent,
                SurveyOptions = started.SurveyOptions ?? state.SurveyOptions,
                SeenPushIds = state.Seen(started.MessageId, started.Seq),
            },
            SessionTransferred transferred => state with
            {
                Status = ConversationStatus.Agent,
                // Transferred while queued: the queue is over.
                Queue = null,
                StatusBeforeQueue = null,
                CloseType = null,
                ImSubSessionId = transferred.ToSessionId,
                PreviousSessionIds = transferred.FromSessionId is { } from ? state.PreviousSessionIds.Add(from) : state.PreviousSessionIds,
                Agent = transferred.Agent,
                SeenPushIds = state.Seen(transferred.MessageId, transferred.Seq),
            },
            MessageReceived received => state with { SeenPushIds = state.Seen(received.MessageId, received.Seq) },
            LatePushRecorded late => state with { SeenPushIds = state.Seen(late.MessageId, late.Seq) },
            UnreadableMessageReceived unreadable => state with { SeenPushIds = state.Seen(PushDedupeKey.OfUnreadable(unreadable.MessageId, unreadable.RawUtf8), unreadable.Seq) },
            SessionClosed closed => state with
            {
                Status = ConversationStatus.Closed,
                CloseType = closed.CloseType,
                SurveyOptions = closed.SurveyOptions ?? state.SurveyOptions,
                Queue = null,
                StatusBeforeQueue = null,
                SeenPushIds = state.Seen(closed.MessageId, closed.Seq),
                // The customer closed: a session Udesk moves them to afterwards (a transfer already under way) is not wanted.
                DeclineNextSession = closed.ClosedBy == CloseInitiator.Customer,
            },
            QueueAbandoned abandoned => state with
            {
                Status = abandoned.ResumedStatus,
                Queue = null,
                StatusBeforeQueue = null,
                // Left while Udesk was assigning: the session it may still start is closed when it shows up.
                DeclineNextSession = abandoned.Queue is null,
            },
            SessionDeclined declined => state with
            {
                DeclineNextSession = false,
                PreviousSessionIds = state.PreviousSessionIds.Contains(declined.ImSubSessionId) ? state.PreviousSessionIds : state.PreviousSessionIds.Add(declined.ImSubSessionId),
                SeenPushIds = state.Seen(declined.MessageId, declined.Seq),
            },
            QueuePositionChanged moved => state with { Queue = state.Queue is { } queue ? queue with { Position = moved.Position } : new QueueInfo(null, moved.Position) },
            DroppedFromQueue dropped => state with
            {
                Status = dropped.ResumedStatus,
                Queue = null,
                StatusBeforeQueue = null,
            },
            DuplicateDropped dropped => state.WithRepeat(dropped),
            ReadReceiptReceived or CustomerMessageDelivered or CustomerMessageRefused or SessionRequestRefused => state,
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown conversation event."),
        };
    }

    /// <summary>The state after a whole batch of events, in order.</summary>
    public ConversationState Apply(IEnumerable<Event> events) => events.Aggregate(this, (state, e) => state.Apply(e));

    private ConversationState ApplyQueued(UdeskCallQueued queued) => this with
    {
        Outbox = Outbox.Add(new PendingCall(queued.Seq, queued.Call)),
        SessionRequestPending = SessionRequestPending || queued.Call.AwaitsSessionAnswer,
        // A new request: the session it brings is wanted.
        DeclineNextSession = DeclineNextSession && queued.Call is not OutboundCall.CreateSession,
        AcceptedMessageIds = queued.Call is OutboundCall.ICustomerMessage message && !string.IsNullOrEmpty(message.MessageId)
            ? AcceptedMessageIds.Add(message.MessageId, queued.Seq)
            : AcceptedMessageIds,
    };

    /// <summary>Starting a new session ends the previous close and queue.</summary>
    private ConversationState EnterSession(ConversationStatus status) => this with
    {
        Status = status,
        Queue = null,
        StatusBeforeQueue = null,
        CloseType = null,
    };

    /// <summary>Counts a recorded repeat; counts of ids that left the dedupe window go, so they never pile up.</summary>
    private ConversationState WithRepeat(DuplicateDropped dropped) => dropped.Source == DuplicateSource.UdeskPush
        ? this with { DroppedPushRepeats = Counted(DroppedPushRepeats, SeenPushIds, dropped) }
        : this with { DroppedMessageRepeats = Counted(DroppedMessageRepeats, AcceptedMessageIds, dropped) };

    private static ImmutableDictionary<string, int> Counted(ImmutableDictionary<string, int>? counts, RecentIds window, DuplicateDropped dropped) =>
        (counts ?? ImmutableDictionary<string, int>.Empty)
            .RemoveRange((counts?.Keys ?? []).Where(id => !window.Contains(id)))
            .SetItem(dropped.MessageId, dropped.Repeat);

    private RecentIds Seen(string? messageId, long seq) =>
        string.IsNullOrEmpty(messageId) ? SeenPushIds : SeenPushIds.Add(messageId, seq);
}
