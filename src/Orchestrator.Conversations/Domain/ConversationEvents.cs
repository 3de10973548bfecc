using System.Text.Json;
using Orchestrator.Conversations.Outbox;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// Everything that happened to a conversation, in order. Each event carries its per-conversation sequence number
/// and time; they are persisted forever, so a type is never renamed or removed: add a new one and upcast.
/// </summary>
public static class ConversationEvents
{
    public abstract record Event(long Seq, DateTimeOffset At)
    {
        /// <summary>
        /// The name (never the secret) of the platform API key whose command led to this event; null for Udesk's
        /// pushes, the conversation's own calls, and every event written before keys were recorded.
        /// </summary>
        public string? IssuedBy { get; init; }
    }

    /// <summary>Outbox: a Udesk call the conversation will make, in order, until Udesk answers.</summary>
    public sealed record UdeskCallQueued(long Seq, DateTimeOffset At, OutboundCall Call) : Event(Seq, At);

    /// <summary>Outbox: Udesk answered the call queued at <paramref name="CallSeq"/>.</summary>
    public sealed record UdeskCallCompleted(long Seq, DateTimeOffset At, long CallSeq, CallOutcome Outcome) : Event(Seq, At);

    /// <summary>
    /// The outbox call at <paramref name="CallSeq"/>, one not safe to repeat, is about to be made. Written before the
    /// call: still unanswered when the conversation next starts (the node died, a hand-off ran out of time), it may
    /// have been done, and is reconciled with Udesk before it is made again.
    /// </summary>
    public sealed record UdeskCallStarted(long Seq, DateTimeOffset At, long CallSeq) : Event(Seq, At);

    /// <param name="Greeting">Udesk's <c>assign_info</c> as sent: robot name and avatar, welcome and unknown-answer texts (absent in events written before it was kept).</param>
    public sealed record RobotSessionStarted(long Seq, DateTimeOffset At, string? Welcome, JsonElement? Greeting = null) : Event(Seq, At);

    /// <param name="Greeting">Udesk's <c>assign_info</c> as sent: robot name, <c>logoUrl</c>, leading and hello words, <c>topAsk</c>.</param>
    public sealed record UrobotSessionStarted(long Seq, DateTimeOffset At, long RobotId, long SceneId, long? UrobotSessionId, string? Welcome, JsonElement? Greeting = null)
        : Event(Seq, At);

    /// <summary>Waiting for an agent; position 0 with no queue name means Udesk is assigning right now.</summary>
    public sealed record Queued(long Seq, DateTimeOffset At, QueueInfo Queue, string? Message) : Event(Seq, At);

    /// <summary>Nobody could take the conversation; it stays where it was.</summary>
    public sealed record NoAgentOnline(long Seq, DateTimeOffset At, string? Message) : Event(Seq, At);

    /// <summary>An agent took the conversation, from the session answer or a <c>start_session</c> push.</summary>
    public sealed record AgentSessionStarted(
        long Seq, DateTimeOffset At, SessionId ImSubSessionId, AgentInfo Agent, JsonElement? SurveyOptions, string? MessageId, JsonElement? Raw)
        : Event(Seq, At);

    /// <summary>A <c>transfer</c> push: from now on messages go to <paramref name="ToSessionId"/>.</summary>
    public sealed record SessionTransferred(
        long Seq, DateTimeOffset At, SessionId? FromSessionId, SessionId ToSessionId, AgentInfo Agent, string? MessageId, JsonElement Raw)
        : Event(Seq, At);

    /// <summary>A pushed message or event; <paramref name="Visible"/> is false for agent-only and unsupported types.</summary>
    public sealed record MessageReceived(
        long Seq, DateTimeOffset At, string? MessageId, string AssignType, string Kind, bool Visible, SessionId? ImSubSessionId, JsonElement Raw)
        : Event(Seq, At);

    public sealed record SessionClosed(
        long Seq, DateTimeOffset At, string CloseType, CloseInitiator ClosedBy, SessionId? ImSubSessionId, JsonElement? SurveyOptions, string? MessageId, JsonElement? Raw)
        : Event(Seq, At);

    /// <summary>
    /// A pushed message that could not be read, kept as its exact bytes with the reason (the rest of its batch was
    /// applied): never shown to the customer, listed with <c>include=internal</c> for operators.
    /// </summary>
    public sealed record UnreadableMessageReceived(long Seq, DateTimeOffset At, string? MessageId, string AssignType, byte[] RawUtf8, string Reason)
        : Event(Seq, At);

    /// <summary>
    /// Udesk started (or moved the customer to) an agent session the customer no longer wants: they closed the
    /// conversation, or left the queue while Udesk was assigning. Recorded, never entered; Udesk is told to close it.
    /// </summary>
    public sealed record SessionDeclined(long Seq, DateTimeOffset At, SessionId ImSubSessionId, string? MessageId, string Kind, JsonElement Raw) : Event(Seq, At);

    /// <summary>A push about a session that is already over: kept for the record, never reopens anything.</summary>
    public sealed record LatePushRecorded(long Seq, DateTimeOffset At, string? MessageId, string Kind, SessionId? ImSubSessionId, JsonElement Raw)
        : Event(Seq, At);

    /// <summary>The customer left the queue; the conversation is back where it was before queueing.</summary>
    public sealed record QueueAbandoned(long Seq, DateTimeOffset At, string? Queue, ConversationStatus ResumedStatus) : Event(Seq, At);

    /// <summary>Udesk's <c>queue_status</c> gave a new position in the queue.</summary>
    public sealed record QueuePositionChanged(long Seq, DateTimeOffset At, int Position) : Event(Seq, At);

    /// <summary>
    /// Udesk dropped the customer from its queue without a push (<c>queue_status</c>: not in queue, not in session):
    /// the conversation is back where it was before queueing.
    /// </summary>
    public sealed record DroppedFromQueue(long Seq, DateTimeOffset At, string? Queue, ConversationStatus ResumedStatus) : Event(Seq, At);

    /// <summary>The agent read these customer messages.</summary>
    public sealed record ReadReceiptReceived(long Seq, DateTimeOffset At, SessionId SessionId, IReadOnlyList<string> MessageIds) : Event(Seq, At);

    /// <summary>Udesk took the customer message queued at <paramref name="CallSeq"/>, for this session (0 robot, -1 urobot, -3 queue).</summary>
    public sealed record CustomerMessageDelivered(long Seq, DateTimeOffset At, long CallSeq, string MessageId, long? ImSubSessionId) : Event(Seq, At);

    /// <summary>
    /// Udesk refused the customer message queued at <paramref name="CallSeq"/> (or there was no session to send it to):
    /// reported, never silently dropped; <paramref name="Consequence"/> is what the conversation did about it.
    /// </summary>
    public sealed record CustomerMessageRefused(
        long Seq, DateTimeOffset At, long CallSeq, string MessageId, long? ImSubSessionId, int? UdeskCode, string Reason, RefusalConsequence Consequence)
        : Event(Seq, At);

    /// <summary>Udesk refused the session request queued at <paramref name="CallSeq"/> (e.g. 11012 no such group); nothing changed.</summary>
    public sealed record SessionRequestRefused(long Seq, DateTimeOffset At, long CallSeq, int? UdeskCode, string Reason) : Event(Seq, At);

    /// <summary>
    /// A repeat of a message already recorded (a push Udesk delivered again, a platform message sent again with its
    /// <c>message_id</c>) was dropped: kept for audits only, it changes nothing else. <paramref name="OriginalSeq"/>
    /// is the event that recorded the first one; <paramref name="Repeat"/> counts the repeats, of which only the first
    /// <see cref="ConversationRules.RecordedRepeatsPerId"/> are recorded.
    /// </summary>
    /// <param name="Kind">The pushed message's type (<c>message</c>, <c>close</c>, …, <c>unreadable</c>) or the platform message's.</param>
    public sealed record DuplicateDropped(long Seq, DateTimeOffset At, DuplicateSource Source, string MessageId, string Kind, long OriginalSeq, int Repeat)
        : Event(Seq, At);
}

/// <summary>Where a dropped duplicate came from.</summary>
public enum DuplicateSource
{
    /// <summary>A Udesk push message with a <c>message_id</c> already recorded.</summary>
    UdeskPush,

    /// <summary>A platform message with a <c>message_id</c> already accepted.</summary>
    PlatformMessage,
}

/// <summary>What a conversation did about a refused customer message.</summary>
public enum RefusalConsequence
{
    /// <summary>Nothing: the message is reported refused and the conversation stays as it is.</summary>
    None,

    /// <summary>Udesk said the session is gone, and it was the conversation's current one: the conversation is closed.</summary>
    SessionClosed,

    /// <summary>Its session had been replaced (a transfer): the message is sent again to the current session.</summary>
    Rerouted,
}

public enum CloseInitiator
{
    Customer,
    Udesk,
}

/// <summary>Close types beyond Udesk's own (<c>normal</c>, <c>redirect</c>, <c>force</c>).</summary>
public static class CloseTypes
{
    public const string Normal = "normal";

    /// <summary>An agent redirected the session: a <c>transfer</c> follows, the conversation is not over.</summary>
    public const string Redirect = "redirect";

    /// <summary>Udesk answered a call with "session does not exist / closed" (9200, 19200) and no close was pushed.</summary>
    public const string Gone = "gone";
}
