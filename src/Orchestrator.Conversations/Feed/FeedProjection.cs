using System.Text.Json;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Feed;

/// <summary>How each persisted event reads in the feed. Pure, so every event type's reading is unit-tested.</summary>
public static class FeedProjection
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    public static FeedEntry Of(Event e) => e switch
    {
        RobotSessionStarted robot => Entry(robot, "robot_session_started", data: Data(("welcome", robot.Welcome), ("assign_info", robot.Greeting))),
        UrobotSessionStarted urobot => Entry(urobot, "urobot_session_started", data: Data(
            ("robot_id", urobot.RobotId), ("scene_id", urobot.SceneId), ("urobot_session_id", urobot.UrobotSessionId), ("welcome", urobot.Welcome), ("assign_info", urobot.Greeting))),
        Queued queued => Entry(queued, "queued", data: Data(("queue", queued.Queue.Name), ("position", queued.Queue.Position), ("message", queued.Message))),
        NoAgentOnline none => Entry(none, "no_agent_online", data: Data(("message", none.Message))),
        AgentSessionStarted started => Entry(
            started, "session_started", started.MessageId, started.ImSubSessionId.Value, Agent(started.Agent, ("survey_options", started.SurveyOptions)), started.Raw),
        SessionTransferred transferred => Entry(
            transferred, "transferred", transferred.MessageId, transferred.ToSessionId.Value, Agent(transferred.Agent, ("from_im_sub_session_id", transferred.FromSessionId?.Value)), transferred.Raw),
        MessageReceived message => Entry(
            message, "message", message.MessageId, message.ImSubSessionId?.Value, Data(("assign_type", message.AssignType), ("kind", message.Kind)), message.Raw, isInternal: !message.Visible),
        SessionClosed closed => Entry(
            closed, "closed", closed.MessageId, closed.ImSubSessionId?.Value,
            Data(("close_type", closed.CloseType), ("closed_by", closed.ClosedBy.ToString().ToLowerInvariant()), ("survey_options", closed.SurveyOptions)), closed.Raw),
        UnreadableMessageReceived unreadable => Entry(unreadable, "unreadable_message", unreadable.MessageId, data: Data(
            ("assign_type", unreadable.AssignType), ("reason", unreadable.Reason), ("raw_base64", Convert.ToBase64String(unreadable.RawUtf8))), isInternal: true),
        SessionDeclined declined => Entry(declined, "session_declined", declined.MessageId, declined.ImSubSessionId.Value, Data(("kind", declined.Kind)), declined.Raw, isInternal: true),
        LatePushRecorded late => Entry(late, "late_push", late.MessageId, late.ImSubSessionId?.Value, Data(("kind", late.Kind)), late.Raw, isInternal: true),
        QueuePositionChanged moved => Entry(moved, "queue_position", data: Data(("position", moved.Position))),
        DroppedFromQueue dropped => Entry(dropped, "dropped_from_queue", data: Data(("queue", dropped.Queue), ("resumed", dropped.ResumedStatus.ToString().ToLowerInvariant()))),
        QueueAbandoned abandoned => Entry(abandoned, "queue_abandoned", data: Data(("queue", abandoned.Queue), ("resumed", abandoned.ResumedStatus.ToString().ToLowerInvariant()))),
        ReadReceiptReceived read => Entry(read, "read", imSubSessionId: read.SessionId.Value, data: Data(("message_ids", read.MessageIds))),
        UdeskCallQueued { Call: OutboundCall.ICustomerMessage message } queued => CustomerMessage(queued, message),
        UdeskCallQueued queued => Entry(queued, "udesk_call_queued", data: Data(("call", queued.Call.GetType().Name)), isInternal: true),
        UdeskCallStarted started => Entry(started, "udesk_call_started", data: Data(("call_seq", started.CallSeq)), isInternal: true),
        UdeskCallCompleted completed => Entry(completed, "udesk_call_completed", data: Data(
            ("call_seq", completed.CallSeq), ("outcome", completed.Outcome.GetType().Name), ("udesk_code", (completed.Outcome as CallOutcome.Refused)?.Code),
            ("message", completed.Outcome switch { CallOutcome.Refused r => r.Message, CallOutcome.Unconfirmed u => u.Message, _ => null })), isInternal: true),
        CustomerMessageDelivered delivered => Entry(
            delivered, "customer_message_delivered", delivered.MessageId, RealSession(delivered.ImSubSessionId), Data(("call_seq", delivered.CallSeq), ("routed_to", RouteName(delivered.ImSubSessionId)))),
        CustomerMessageRefused refused => Entry(
            refused, "customer_message_refused", refused.MessageId, RealSession(refused.ImSubSessionId), Data(
                ("call_seq", refused.CallSeq), ("udesk_code", refused.UdeskCode), ("reason", refused.Reason), ("consequence", Snake(refused.Consequence.ToString())))),
        SessionRequestRefused refused => Entry(refused, "session_request_refused", data: Data(("call_seq", refused.CallSeq), ("udesk_code", refused.UdeskCode), ("reason", refused.Reason))),
        // Bookkeeping for audits: a platform never receives a message twice because it was sent twice.
        DuplicateDropped duplicate => Entry(duplicate, "duplicate_dropped", duplicate.MessageId, data: Data(
            ("source", Snake(duplicate.Source.ToString())), ("kind", duplicate.Kind), ("repeat", duplicate.Repeat)), isInternal: true),
        _ => Entry(e, "unknown", isInternal: true),
    };

    /// <summary>A customer message as the platform sent it, once accepted: first-class, with its id and content.</summary>
    private static FeedEntry CustomerMessage(UdeskCallQueued queued, OutboundCall.ICustomerMessage message)
    {
        var (type, data, session) = message switch
        {
            OutboundCall.SendMessage routed => (routed.Type, routed.Data, (long?)routed.ImSubSessionId),
            OutboundCall.SendMessageOnceRouted waiting => (waiting.Type, waiting.Data, null),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "Unknown customer message."),
        };
        return Entry(queued, "customer_message", message.MessageId, RealSession(session), Data(
            ("from", "customer"), ("type", type), ("content", data.Content), ("font", data.Font), ("filename", data.Filename), ("filesize", data.Filesize),
            ("duration", data.Duration), ("routed_to", RouteName(session))));
    }

    /// <summary>Where Udesk's <c>im_sub_session_id</c> sent a message: 0 robot, -1 urobot, -2 workbench, -3 queue, else an agent session.</summary>
    private static string? RouteName(long? session) => session switch
    {
        null => null,
        0 => "robot",
        -1 => "urobot",
        -2 => "workbench",
        -3 => "queue",
        _ => "agent",
    };

    private static long? RealSession(long? session) => session > 0 ? session : null;

    private static string Snake(string pascal) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal);

    private static FeedEntry Entry(
        Event e, string type, string? messageId = null, long? imSubSessionId = null, IReadOnlyDictionary<string, object?>? data = null, JsonElement? udesk = null, bool isInternal = false) =>
        new(e.Seq, e.At, type, isInternal, messageId, imSubSessionId, data ?? None, udesk);

    private static IReadOnlyDictionary<string, object?> Agent(AgentInfo agent, (string, object?) extra) =>
        Data(("agent_id", agent.Id), ("agent_name", agent.Name), ("agent_avatar", agent.Avatar), extra);

    /// <summary>The named values that are set; a feed entry does not list what it does not know.</summary>
    private static IReadOnlyDictionary<string, object?> Data(params (string Name, object? Value)[] values) =>
        values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => v.Value);
}
