using Orchestrator.Udesk.Sessions;
using System.Collections.Immutable;
using Orchestrator.Conversations.Retention;
using System.Text.Json;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Quarantine;
using Orchestrator.Conversations.Serialization;
using Orchestrator.Conversations.Sessions;
using Orchestrator.Conversations.Throttling;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Serialization;

/// <summary>One fully populated instance of every type the conversation serializer writes.</summary>
public static class SampleMessages
{
    private static readonly ConversationId Id = new("acme", "customer/1");
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly AgentInfo Agent = new(42, "Lin", "https://cdn.example/lin.png");
    private static readonly JsonElement Survey = Json("""{"show_type":"star","options":[{"id":1,"text":"good"}]}""");
    private static readonly JsonElement Push = Json("""{"message_id":"p-1","type":"message","data":{"content":"hi"}}""");
    private static readonly MessagePayload Text = new() { Content = "hello", Font = "f", Filename = "a.txt", Filesize = "12", Duration = 3 };

    public static IReadOnlyList<object> All { get; } =
    [
        new UdeskCallQueued(1, At, new OutboundCall.CreateSession(new SessionRequest { AssignType = AssignType.Urobot, AgentId = 1, GroupId = 2, Channel = "app", RobotRoleId = "r", RobotId = 3, SceneId = 4 })),
        new UdeskCallQueued(2, At, new OutboundCall.SendMessageOnceRouted("m-first", "message", Text)),
        new UdeskCallCompleted(2, At, 1, new CallOutcome.SessionAnswered(new SessionAnswer(SessionAnswerKind.Agent)
        {
            Message = "ok", ImSubSessionId = new SessionId(77), Agent = Agent, QueueName = "q", Position = 2, UrobotSessionId = 9, Welcome = "hi", SurveyOptions = Survey,
        })),
        new RobotSessionStarted(3, At, "welcome"),
        new UrobotSessionStarted(4, At, 3, 4, 99, "welcome"),
        new Queued(5, At, new QueueInfo("q:1", 3), "please wait"),
        new NoAgentOnline(6, At, "nobody"),
        new AgentSessionStarted(7, At, new SessionId(77), Agent, Survey, "p-7", Push),
        new SessionTransferred(8, At, new SessionId(77), new SessionId(78), Agent with { Id = 43 }, "p-8", Push),
        new MessageReceived(9, At, "p-9", "agent", "message", true, new SessionId(78), Push),
        new SessionClosed(10, At, "agent_close", CloseInitiator.Udesk, new SessionId(78), Survey, "p-10", Push),
        new LatePushRecorded(11, At, "p-11", "message", new SessionId(78), Push),
        new QueueAbandoned(12, At, "q:1", ConversationStatus.Robot),
        new ReadReceiptReceived(13, At, new SessionId(78), ["m-1", "m-2"]),
        new ConversationState
        {
            Status = ConversationStatus.Agent,
            Seq = 13,
            LastEventAt = At,
            ImSubSessionId = new SessionId(78),
            PreviousSessionIds = [new SessionId(77)],
            Agent = Agent,
            Queue = new QueueInfo("q:1", 1),
            StatusBeforeQueue = ConversationStatus.Urobot,
            RobotId = 3,
            SceneId = 4,
            UrobotSessionId = 99,
            SurveyOptions = Survey,
            CloseType = "agent_close",
            SessionRequestPending = true,
            Outbox = [new PendingCall(12, new OutboundCall.SendMessage("m-3", "message", Text, 78, 3, 4, 99)), new PendingCall(13, new OutboundCall.TransferSurvey(78, 3, 4))],
            SeenPushIds = new RecentIds(3).Add("p-1", 7).Add("p-2", 8),
            AcceptedMessageIds = new RecentIds(3).Add("m-3", 12),
        },
        new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent, GroupId = 5 }),
        new ConversationCommands.SendMessage(Id, "m-1", "image", Text),
        new SendPreview(Id, "typing…"),
        new ConversationCommands.CloseSession(Id),
        new ConversationCommands.AbandonQueue(Id),
        new ApplyPush(Id, AssignType.Agent, [
            new PushedItem.Readable("p-1", "close", true, new SessionId(78), Agent, "normal", Survey, Push),
            new PushedItem.Unreadable("p-2", [0x7b, 0xff, 0x7d], "data.content: not valid Unicode."),
        ]),
        new ApplyPush(Id, AssignType.Robot, [new PushedItem.Readable(null, "message", true, null, null, null, null, Push)], At.AddSeconds(4)),
        new ApplyReadReceipt(Id, new SessionId(78), ["m-1"]),
        new GetState(Id),
        new CompleteCall(Id, 12, new CallOutcome.Refused(2003, "session closed")),
        new CompleteCall(Id, 13, new CallOutcome.Done()),
        new Accepted(12),
        new AlreadyAccepted(11),
        new Rejected(RejectionReason.Conflict, "not in an agent session"),
        new Rejected(RejectionReason.TooLate, "reached after its sender stopped waiting"),
        new State(new ConversationState { Status = ConversationStatus.Closed, Seq = 4, Outbox = [new PendingCall(4, new OutboundCall.CloseSession(new SessionId(78))), new PendingCall(5, new OutboundCall.AbandonQueue("q:1"))] }),
        new RequestPermit("acme", CallPriority.CustomerMessage, CallLane.StructuredMessage, 7),
        new PermitGranted(7, 4_611_686_018_427_387_000),
        new ReleasePermit("acme", 4_611_686_018_427_387_000),
        OutboxLedger.Empty.Apply(41, Id.PersistenceId, new UdeskCallQueued(12, At, new OutboundCall.CloseSession(new SessionId(78)))),
        new TryAcquirePermit("acme", CallPriority.Query, CallLane.StructuredMessage, 8),
        new PermitRefused(8, TimeSpan.FromMilliseconds(1_500)),
        new ReadCallBudget("acme"),
        new TenantBudgetReading("acme", 42, 60, TimeSpan.FromSeconds(60.1), 3, TimeSpan.FromMilliseconds(1_250), TimeSpan.FromSeconds(2.1)),
        new SessionIndexMessages.RecordOwner("acme", 78, Id),
        new SessionIndexMessages.RouteReadReceipt("acme", 78, ["m-1", "m-2"]),
        new SessionIndexMessages.OwnerRecorded(Id, At),
        new DeliveryEvents.DeliveryScheduled(14),
        new DeliveryEvents.EventDelivered(9),
        new DeliveryEvents.EventsSkipped(11),
        new DeliveryEvents.EventDeadLettered(10, "The receiver refused the event with HTTP 400.", 400, At),
        new DeliveryEvents.EventDeadLettered(12, "Not acknowledged after 12 attempts; the last got no answer within 00:00:10.", null, At),
        new DeliveryEvents.DeadLetterReplayed(10, At),
        new DeliveryState { Cursor = 12, KnownUpTo = 14, DeadLetters = [new DeadLetter(10, "refused", 400, At), new DeadLetter(12, "timed out", null, At)] },
        new DeliveryCommands.Deliver(Id, 14),
        new DeliveryCommands.DeliverEvents(Id, 14, [
            new MessageReceived(13, At, "p-13", "agent", "message", true, new SessionId(78), Push),
            new UdeskCallQueued(14, At, new OutboundCall.SendMessage("m-4", "message", Text, 78)) { IssuedBy = "crm-backend" },
        ]),
        new DeliveryCommands.ReplayDeadLetter(Id, 10),
        new DeliveryCommands.GetDeliveryState(Id),
        new DeliveryReplies.DeliveryAcknowledged(Id, 14),
        new DeliveryReplies.ReplayStarted(Id, 10),
        new DeliveryReplies.NotDeadLettered(Id, 11),
        new DeliveryReplies.DeliveryStatus(new DeliveryState { Cursor = 3, KnownUpTo = 3 }),
        new DispatchOffsetRecorded(123_456),
        new TenantDispatchOffsetRecorded("acme", 123_789),
        new DispatchOffsets(123_456, System.Collections.Immutable.ImmutableDictionary<string, long>.Empty.Add("acme", 123_789)),
        new DeadLetterIndexMessages.DeadLetterIndexed(new IndexedDeadLetter(7, Id, 10, "refused", 400, At)),
        new DeadLetterIndexMessages.DeadLetterCleared(7),
        new DeadLetterIndexState { LastId = 8, Entries = [new IndexedDeadLetter(8, Id, 12, "timed out", null, At)] },
        new DeadLetterIndexMessages.RecordDeadLetter("acme", Id, new DeadLetter(10, "refused", 400, At)),
        new DeadLetterIndexMessages.ClearDeadLetter("acme", Id, 10),
        new DeadLetterIndexMessages.ListDeadLetters("acme", 7, 100),
        new DeadLetterIndexMessages.ReplayIndexedDeadLetter("acme", 7),
        new DeadLetterIndexMessages.DeadLetterRecorded(Id, 10),
        new DeadLetterIndexMessages.DeadLetterPage([new IndexedDeadLetter(7, Id, 10, "refused", 400, At)]),
        new DeadLetterIndexMessages.DeadLetterUnknown(99),
        new CustomerMessageDelivered(14, At, 12, "m-3", 78),
        new CustomerMessageRefused(15, At, 12, "m-3", 78, 9200, "session does not exist", RefusalConsequence.SessionClosed),
        new SessionRequestRefused(16, At, 1, 11012, "group does not exist"),
        new UdeskCallQueued(17, At, new OutboundCall.CloseOnceAnswered()),
        new CompleteCall(Id, 13, new CallOutcome.Unconfirmed("no answer; not safe to repeat")),
        new RobotSessionStarted(21, At, "welcome", Json("""{"robot_name":"Udesk Robot","robot_avatar":"https://a/r.png","unknow_message":"Sorry?"}""")),
        new UrobotSessionStarted(22, At, 3, 4, 99, "hello", Json("""{"sessionId":99,"robotName":"Test","logoUrl":null,"topAsk":[{"quesitionType":"T","quesitionTypeId":2,"optionsList":[{"quesition":"Q","quesitionId":1}]}]}""")),
        new SessionDeclined(23, At, new SessionId(79), "p-23", "transfer", Push),
        new QueuePositionChanged(19, At, 2),
        new DroppedFromQueue(20, At, "q:1", ConversationStatus.Robot),
        new ObserveQueue(Id, "In queue", 2),
        new WakeOutbox(Id),
        new ConversationState { Status = ConversationStatus.Robot, Seq = 20, DeclineNextSession = true },
        new UnreadableMessageReceived(18, At, "p-2", "agent", [0x7b, 0xff, 0x7d], "data.content: not valid Unicode."),
        new PushQuarantineMessages.PushQuarantined(new QuarantinedPush(3, At, "no customer_token", "application/json", "ab12", [0x7b, 0x7d])),
        new PushQuarantineState { LastId = 3, Entries = [new QuarantinedPush(3, At, "no customer_token", null, "ab12", [0x7b, 0x7d])] },
        new PushQuarantineMessages.QuarantinePush("acme", "not JSON", [0xff], "text/plain"),
        new PushQuarantineMessages.ListQuarantine("acme", 2, 100),
        new PushQuarantineMessages.PushKept(3),
        new PushQuarantineMessages.QuarantinePage([new QuarantinedPush(3, At, "no customer_token", null, "ab12", [0x7b, 0x7d])]),
        new UdeskCallStarted(25, At, 24),
        new ConversationState
        {
            Seq = 25,
            SessionRequestPending = true,
            Outbox = [new PendingCall(24, new OutboundCall.CreateSession(new SessionRequest { AssignType = AssignType.Agent, GroupId = 2 }), MayHaveReachedUdesk: true)],
        },

        // Events of a platform command name the API key that issued it (absent in events written before).
        new UdeskCallQueued(24, At, new OutboundCall.SendMessage("m-4", "message", Text, 78)) { IssuedBy = "crm-backend" },
        new SessionClosed(25, At, "normal", CloseInitiator.Customer, new SessionId(78), null, null, null) { IssuedBy = "crm-backend" },
        new QueueAbandoned(26, At, null, ConversationStatus.Idle) { IssuedBy = "crm-backend" },
        new ConversationCommands.SendMessage(Id, "m-4", "message", Text) { IssuedBy = "crm-backend" },

        // Dropped duplicates, and the repeat counts the state keeps for them.
        new DuplicateDropped(27, At, DuplicateSource.UdeskPush, "p-1", "message", 7, 1),
        new DuplicateDropped(28, At, DuplicateSource.PlatformMessage, "m-3", "message", 12, 3) { IssuedBy = "crm-backend" },
        new ConversationState
        {
            Seq = 28,
            SeenPushIds = new RecentIds(3).Add("p-1", 7),
            AcceptedMessageIds = new RecentIds(3).Add("m-3", 12),
            DroppedPushRepeats = ImmutableDictionary<string, int>.Empty.Add("p-1", 1),
            DroppedMessageRepeats = ImmutableDictionary<string, int>.Empty.Add("m-3", 3),
        },

        // Erasure: the command and its answer, the session index's forgetting, and the ledger.
        new EraseConversation(Id, ErasureReason.Retention, At) { IssuedBy = "crm-backend" },
        new ConversationErased(40, 2, [77, 78]),
        new SessionIndexMessages.ForgetOwner("acme", 78, Id),
        new ErasureLedgerMessages.ConversationDataErased(1, "acme", ErasureHash, ErasureReason.Request, 40, 2, 2, At, "crm-backend"),
        new ErasureLedgerMessages.RecordErasure("acme", ErasureHash, ErasureReason.Retention, 40, 2, 2, null),
        new ErasureLedgerMessages.ListErasures("acme", At, At.AddDays(1), 100),
        new ErasureLedgerMessages.ErasureRecorded(new ErasureLedgerMessages.ConversationDataErased(1, "acme", ErasureHash, ErasureReason.Retention, 40, 2, 0, At, null)),
        new ErasureLedgerMessages.ErasurePage([new ErasureLedgerMessages.ConversationDataErased(1, "acme", ErasureHash, ErasureReason.Request, 40, 2, 2, At, "crm-backend")]),
    ];

    private const string ErasureHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /// <summary>A stable name per sample: the manifest, numbered when a type has several samples.</summary>
    public static IEnumerable<(string Name, object Sample)> Named() =>
        All.GroupBy(s => s.GetType()).SelectMany(group => group.Select((sample, i) =>
            (i == 0 ? ConversationManifests.Of(group.Key) : $"{ConversationManifests.Of(group.Key)}.{i + 1}", sample)));

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
