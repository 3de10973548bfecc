using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Serialization;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Audit;

/// <summary>
/// A conversation's events as audit entries. Pure: the same events always give the same entries, so every event
/// type's reading is unit-tested on golden sequences. The only memory across events is which call each answer
/// belongs to and which customer messages were already sent once (a second send is a retry).
/// </summary>
public static class AuditProjection
{
    /// <summary>Shown for a platform command recorded before events carried the key that issued it.</summary>
    public const string UnknownKey = "unknown";

    public static IReadOnlyList<AuditEntry> Of(IEnumerable<Event> events)
    {
        var calls = new Dictionary<long, OutboundCall>();
        var sentMessageIds = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<AuditEntry>();
        Event? previous = null;
        foreach (var e in events)
        {
            entries.Add(e switch
            {
                UdeskCallQueued queued => Queued(queued, previous, calls, sentMessageIds),
                UdeskCallCompleted completed => Answer(completed, calls.GetValueOrDefault(completed.CallSeq)),
                UdeskCallStarted started => Started(started, calls.GetValueOrDefault(started.CallSeq)),
                _ => Of(e),
            });
            previous = e;
        }

        return entries;
    }

    private static AuditEntry Of(Event e) => e switch
    {
        RobotSessionStarted robot => Entry(robot, "robot_session_started", detail: robot.Welcome),
        UrobotSessionStarted urobot => Entry(urobot, "urobot_session_started", detail: $"robot {urobot.RobotId}, scene {urobot.SceneId}, urobot session {urobot.UrobotSessionId}"),
        Queued queued => Entry(queued, "queued", detail: $"queue {queued.Queue.Name ?? "(assigning)"}, position {queued.Queue.Position}{Suffix(queued.Message)}"),
        NoAgentOnline none => Entry(none, "no_agent_online", detail: none.Message),
        AgentSessionStarted started => Entry(started, "session_started", session: started.ImSubSessionId.Value, agent: Agent(started.Agent), messageId: started.MessageId),
        SessionTransferred transferred => Entry(
            transferred, "transferred", session: transferred.ToSessionId.Value, agent: Agent(transferred.Agent), messageId: transferred.MessageId,
            detail: $"from im_sub_session_id {transferred.FromSessionId?.Value.ToString() ?? "(none)"}"),
        MessageReceived message => Entry(
            message, "message", session: message.ImSubSessionId?.Value, messageId: message.MessageId, direction: "udesk_to_customer",
            content: Content(message.Raw), detail: $"{message.AssignType} {message.Kind}{(message.Visible ? "" : ", not shown to the customer")}"),
        SessionClosed closed => Entry(
            closed, "closed", session: closed.ImSubSessionId?.Value, messageId: closed.MessageId, platform: closed.ClosedBy == CloseInitiator.Customer,
            detail: $"close type {closed.CloseType}, by {closed.ClosedBy.ToString().ToLowerInvariant()}"),
        UnreadableMessageReceived unreadable => Entry(
            unreadable, "unreadable_message", messageId: unreadable.MessageId, direction: "udesk_to_customer",
            content: System.Text.Encoding.UTF8.GetString(unreadable.RawUtf8), detail: unreadable.Reason),
        SessionDeclined declined => Entry(declined, "session_declined", session: declined.ImSubSessionId.Value, messageId: declined.MessageId, detail: declined.Kind),
        LatePushRecorded late => Entry(late, "late_push", session: late.ImSubSessionId?.Value, messageId: late.MessageId, content: Content(late.Raw), detail: late.Kind),
        QueueAbandoned abandoned => Entry(abandoned, "queue_abandoned", platform: true, detail: $"queue {abandoned.Queue ?? "(assigning)"}, back to {Lower(abandoned.ResumedStatus)}"),
        QueuePositionChanged moved => Entry(moved, "queue_position", detail: $"position {moved.Position}"),
        DroppedFromQueue dropped => Entry(dropped, "dropped_from_queue", detail: $"queue {dropped.Queue ?? "(assigning)"}, back to {Lower(dropped.ResumedStatus)}"),
        ReadReceiptReceived read => Entry(read, "read_receipt", session: read.SessionId.Value, detail: string.Join(' ', read.MessageIds)),
        CustomerMessageDelivered delivered => Entry(
            delivered, "customer_message_delivered", session: delivered.ImSubSessionId, messageId: delivered.MessageId, direction: "customer_to_udesk",
            detail: $"call #{delivered.CallSeq}"),
        CustomerMessageRefused refused => Entry(
            refused, "refusal", session: refused.ImSubSessionId, messageId: refused.MessageId, direction: "customer_to_udesk", code: refused.UdeskCode,
            detail: $"customer message refused (call #{refused.CallSeq}): {refused.Reason}; {Consequence(refused.Consequence)}"),
        SessionRequestRefused refused => Entry(refused, "refusal", code: refused.UdeskCode, detail: $"session request refused (call #{refused.CallSeq}): {refused.Reason}"),
        DuplicateDropped duplicate => Duplicate(duplicate),
        _ => Entry(e, "unknown_event", detail: e.GetType().Name),
    };

    private static AuditEntry Duplicate(DuplicateDropped duplicate)
    {
        var fromPlatform = duplicate.Source == DuplicateSource.PlatformMessage;
        var last = duplicate.Repeat >= ConversationRules.RecordedRepeatsPerId ? "; later repeats of this id are not recorded" : "";
        return Entry(
            duplicate, "duplicate_dropped", messageId: duplicate.MessageId, direction: fromPlatform ? "customer_to_udesk" : "udesk_to_customer", platform: fromPlatform,
            detail: $"{Lower(duplicate.Source)} {duplicate.Kind} repeated (repeat {duplicate.Repeat}), first recorded by event #{duplicate.OriginalSeq}{last}");
    }

    private static AuditEntry Queued(UdeskCallQueued queued, Event? previous, Dictionary<long, OutboundCall> calls, HashSet<string> sentMessageIds)
    {
        calls[queued.Seq] = queued.Call;
        var (name, request) = Describe(queued.Call);
        if (queued.Call is not OutboundCall.ICustomerMessage message)
        {
            // Closing a session the customer declined answers Udesk's push, not a platform command.
            var platform = !(queued.Call is OutboundCall.CloseSession && previous is SessionDeclined);
            return Entry(queued, "udesk_call", udeskCall: name, udeskRequest: request, platform: platform, session: (queued.Call as OutboundCall.CloseSession)?.ImSubSessionId.Value);
        }

        // A message id sent again is the conversation re-sending it (e.g. to the session a transfer moved it to).
        var retry = !sentMessageIds.Add(message.MessageId);
        var (type, data, session) = message switch
        {
            OutboundCall.SendMessage routed => (routed.Type, routed.Data, (long?)routed.ImSubSessionId),
            OutboundCall.SendMessageOnceRouted waiting => (waiting.Type, waiting.Data, null),
            _ => throw new ArgumentOutOfRangeException(nameof(queued), message.GetType().Name, "Unknown customer message."),
        };
        return Entry(
            queued, retry ? "customer_message_retry" : "customer_message", session: session, messageId: message.MessageId, direction: "customer_to_udesk",
            content: data.Content ?? data.Filename, udeskCall: name, udeskRequest: request, platform: !retry,
            detail: session is null ? $"{type}, routed once the session request ahead of it is answered" : type);
    }

    /// <summary>A call not safe to repeat is recorded as made before it goes: with no answer after it, it was reconciled with Udesk.</summary>
    private static AuditEntry Started(UdeskCallStarted started, OutboundCall? call)
    {
        var name = call is null ? null : Describe(call).Name;
        return Entry(started, "udesk_call_started", udeskCall: name, detail: $"call #{started.CallSeq} going to Udesk");
    }

    private static AuditEntry Answer(UdeskCallCompleted completed, OutboundCall? call)
    {
        var (name, request) = call is null ? ((string?)null, (string?)null) : Describe(call);
        var (answer, code, detail) = completed.Outcome switch
        {
            CallOutcome.Done => ("done", (int?)null, (string?)null),
            CallOutcome.SessionAnswered answered => ("session-answered", null, SessionAnswerText(answered.Answer)),
            CallOutcome.Refused refused => ("refused", refused.Code, refused.Message),
            CallOutcome.Unconfirmed unconfirmed => ("unconfirmed", null, unconfirmed.Message),
            _ => (completed.Outcome.GetType().Name, null, null),
        };
        return Entry(completed, "udesk_answer", udeskCall: name, udeskRequest: request, answer: answer, code: code, detail: $"call #{completed.CallSeq}{Suffix(detail)}");
    }

    private static string SessionAnswerText(SessionAnswer answer) => answer.Kind switch
    {
        SessionAnswerKind.Agent => $"agent {Agent(answer.Agent)}, im_sub_session_id {answer.ImSubSessionId?.Value}",
        SessionAnswerKind.Queued => $"queued in {answer.QueueName}, position {answer.Position}",
        _ => Lower(answer.Kind),
    };

    /// <summary>The call's journal name (its discriminator) and the whole call as the journal holds it.</summary>
    private static (string Name, string Request) Describe(OutboundCall call)
    {
        var json = JsonSerializer.SerializeToNode(call, ConversationSerializer.Options)!.AsObject();
        return (json["call"]!.GetValue<string>(), json.ToJsonString(ConversationSerializer.Options));
    }

    /// <summary>
    /// What a pushed message said: its <c>data.content</c> (a robot's: <c>data.answer</c>), or the whole <c>data</c>
    /// when neither is there.
    /// </summary>
    private static string? Content(JsonElement raw) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("data", out var data)
            ? data.ValueKind switch
            {
                JsonValueKind.Object when data.TryGetProperty("content", out var content) => content.ValueKind == JsonValueKind.String ? content.GetString() : content.GetRawText(),
                JsonValueKind.Object when data.TryGetProperty("answer", out var answer) && answer.ValueKind == JsonValueKind.String => answer.GetString(),
                JsonValueKind.String => data.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => data.GetRawText(),
            }
            : null;

    private static string Consequence(RefusalConsequence consequence) => consequence switch
    {
        RefusalConsequence.SessionClosed => "the conversation was closed",
        RefusalConsequence.Rerouted => "retried to the current session",
        _ => "nothing else changed",
    };

    private static string? Agent(AgentInfo? agent) => agent is null ? null : $"{agent.Name ?? "(unnamed)"} ({agent.Id?.ToString() ?? "no id"})";

    private static string Lower<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Suffix(string? text) => string.IsNullOrEmpty(text) ? "" : $": {text}";

    private static AuditEntry Entry(
        Event e, string kind, long? session = null, string? agent = null, string? messageId = null, string? direction = null, string? content = null,
        string? udeskCall = null, string? udeskRequest = null, string? answer = null, int? code = null, bool platform = false, string? detail = null) =>
        new(e.Seq, e.At, kind, direction, session, agent, messageId, content, udeskCall, udeskRequest, answer, code,
            e.IssuedBy ?? (platform ? UnknownKey : null), detail);
}
