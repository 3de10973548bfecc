using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Overview;

/// <summary>
/// What the operations console lists of one conversation, folded from its events alone: its status and since when,
/// and while queued its place and since when it waits. The status follows <see cref="ConversationState.Apply(Event)"/>
/// for the events that change it; every other event only moves <see cref="LastEventAt"/>.
/// </summary>
/// <param name="QueuedSince">When it entered the queue; a new position or queue while waiting keeps it.</param>
public sealed record ConversationSummary(ConversationStatus Status, DateTimeOffset Since, QueueInfo? Queue, DateTimeOffset? QueuedSince, long Seq, DateTimeOffset LastEventAt)
{
    /// <summary>A conversation before its first event.</summary>
    public static ConversationSummary Initial(DateTimeOffset at) => new(ConversationStatus.Idle, at, null, null, 0, at);

    /// <summary>The summary after <paramref name="event"/>. Pure.</summary>
    public ConversationSummary Apply(Event @event)
    {
        var summary = this with { Seq = @event.Seq, LastEventAt = @event.At };
        return @event switch
        {
            RobotSessionStarted => summary.Enter(ConversationStatus.Robot, @event.At),
            UrobotSessionStarted => summary.Enter(ConversationStatus.Urobot, @event.At),
            AgentSessionStarted or SessionTransferred => summary.Enter(ConversationStatus.Agent, @event.At),
            SessionClosed => summary.Enter(ConversationStatus.Closed, @event.At),
            QueueAbandoned abandoned => summary.Enter(abandoned.ResumedStatus, @event.At),
            DroppedFromQueue dropped => summary.Enter(dropped.ResumedStatus, @event.At),
            Queued queued when Status == ConversationStatus.Queued => summary with { Queue = queued.Queue },
            Queued queued => summary with { Status = ConversationStatus.Queued, Since = @event.At, Queue = queued.Queue, QueuedSince = @event.At },
            QueuePositionChanged moved => summary with { Queue = Queue is { } queue ? queue with { Position = moved.Position } : new QueueInfo(null, moved.Position) },
            _ => summary,
        };
    }

    /// <summary>A status reached anew ends any queue; the same status again keeps its <see cref="Since"/>.</summary>
    private ConversationSummary Enter(ConversationStatus status, DateTimeOffset at) =>
        this with { Status = status, Since = status == Status ? Since : at, Queue = null, QueuedSince = null };
}
