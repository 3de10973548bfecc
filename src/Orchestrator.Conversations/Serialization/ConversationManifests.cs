using System.Collections.Frozen;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Quarantine;
using Orchestrator.Conversations.Retention;
using Orchestrator.Conversations.Sessions;
using Orchestrator.Conversations.Throttling;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Serialization;

/// <summary>
/// The stable name of every type <see cref="ConversationSerializer"/> writes. Manifests are part of the journal
/// format: a type may be renamed or moved, its manifest never changes and is never reused. A changed shape gets a
/// new type and manifest, and the old one is upcast on read.
/// </summary>
public static class ConversationManifests
{
    private static readonly FrozenDictionary<Type, string> ByType = new Dictionary<Type, string>
    {
        // Persisted events.
        [typeof(UdeskCallQueued)] = "conversation.udesk-call-queued",
        [typeof(UdeskCallCompleted)] = "conversation.udesk-call-completed",
        [typeof(RobotSessionStarted)] = "conversation.robot-session-started",
        [typeof(UrobotSessionStarted)] = "conversation.urobot-session-started",
        [typeof(Queued)] = "conversation.queued",
        [typeof(NoAgentOnline)] = "conversation.no-agent-online",
        [typeof(AgentSessionStarted)] = "conversation.agent-session-started",
        [typeof(SessionTransferred)] = "conversation.session-transferred",
        [typeof(MessageReceived)] = "conversation.message-received",
        [typeof(SessionClosed)] = "conversation.session-closed",
        [typeof(LatePushRecorded)] = "conversation.late-push-recorded",
        [typeof(QueueAbandoned)] = "conversation.queue-abandoned",
        [typeof(ReadReceiptReceived)] = "conversation.read-receipt-received",
        [typeof(CustomerMessageDelivered)] = "conversation.customer-message-delivered",
        [typeof(CustomerMessageRefused)] = "conversation.customer-message-refused",
        [typeof(SessionRequestRefused)] = "conversation.session-request-refused",
        [typeof(UnreadableMessageReceived)] = "conversation.unreadable-message-received",
        [typeof(QueuePositionChanged)] = "conversation.queue-position-changed",
        [typeof(DroppedFromQueue)] = "conversation.dropped-from-queue",
        [typeof(SessionDeclined)] = "conversation.session-declined",
        [typeof(UdeskCallStarted)] = "conversation.udesk-call-started",

        // Snapshot.
        [typeof(ConversationState)] = "conversation.state",

        // Commands and replies cross nodes through the shard region.
        [typeof(RequestSession)] = "conversation.command.request-session",
        [typeof(ConversationCommands.SendMessage)] = "conversation.command.send-message",
        [typeof(SendPreview)] = "conversation.command.send-preview",
        [typeof(ConversationCommands.CloseSession)] = "conversation.command.close-session",
        [typeof(ConversationCommands.AbandonQueue)] = "conversation.command.abandon-queue",
        // Commands are not persisted: a changed shape takes a new manifest (a node of the old version cannot read it,
        // the push is answered 503 and Udesk delivers it again).
        [typeof(ApplyPush)] = "conversation.command.apply-parsed-push",
        [typeof(ApplyReadReceipt)] = "conversation.command.apply-read-receipt",
        [typeof(GetState)] = "conversation.command.get-state",
        [typeof(CompleteCall)] = "conversation.command.complete-call",
        [typeof(ObserveQueue)] = "conversation.command.observe-queue",
        [typeof(WakeOutbox)] = "conversation.command.wake-outbox",
        [typeof(Accepted)] = "conversation.reply.accepted",
        [typeof(AlreadyAccepted)] = "conversation.reply.already-accepted",
        [typeof(Rejected)] = "conversation.reply.rejected",
        [typeof(State)] = "conversation.reply.state",

        // The session index: agent session → conversation.
        [typeof(SessionIndexMessages.OwnerRecorded)] = "session-index.owner-recorded",
        [typeof(SessionIndexMessages.RecordOwner)] = "session-index.record-owner",
        [typeof(SessionIndexMessages.RouteReadReceipt)] = "session-index.route-read-receipt",

        // The company call budget is a cluster singleton.
        [typeof(RequestPermit)] = "call-budget.request-permit",
        [typeof(PermitGranted)] = "call-budget.permit-granted",
        [typeof(TryAcquirePermit)] = "call-budget.try-acquire-permit",
        [typeof(PermitRefused)] = "call-budget.permit-refused",
        [typeof(ReleasePermit)] = "call-budget.release-permit",
        [typeof(ReadCallBudget)] = "call-budget.read",
        [typeof(TenantBudgetReading)] = "call-budget.reading",

        // The per-tenant push quarantine.
        [typeof(PushQuarantineMessages.PushQuarantined)] = "push-quarantine.quarantined",
        [typeof(PushQuarantineState)] = "push-quarantine.state",
        [typeof(PushQuarantineMessages.QuarantinePush)] = "push-quarantine.command.quarantine",
        [typeof(PushQuarantineMessages.ListQuarantine)] = "push-quarantine.command.list",
        [typeof(PushQuarantineMessages.PushKept)] = "push-quarantine.reply.kept",
        [typeof(PushQuarantineMessages.QuarantinePage)] = "push-quarantine.reply.page",

        // The outbox sweeper's snapshot.
        [typeof(OutboxLedger)] = "outbox-sweeper.ledger",

        // Webhook delivery: per conversation, its dispatcher singleton, and the per-tenant dead-letter index.
        [typeof(DeliveryEvents.DeliveryScheduled)] = "delivery.scheduled",
        [typeof(DeliveryEvents.EventDelivered)] = "delivery.event-delivered",
        [typeof(DeliveryEvents.EventsSkipped)] = "delivery.events-skipped",
        [typeof(DeliveryEvents.EventDeadLettered)] = "delivery.event-dead-lettered",
        [typeof(DeliveryEvents.DeadLetterReplayed)] = "delivery.dead-letter-replayed",
        [typeof(DeliveryState)] = "delivery.state",
        [typeof(DeliveryCommands.Deliver)] = "delivery.command.deliver",
        [typeof(DeliveryCommands.ReplayDeadLetter)] = "delivery.command.replay-dead-letter",
        [typeof(DeliveryCommands.GetDeliveryState)] = "delivery.command.get-state",
        [typeof(DeliveryReplies.DeliveryAcknowledged)] = "delivery.reply.acknowledged",
        [typeof(DeliveryReplies.ReplayStarted)] = "delivery.reply.replay-started",
        [typeof(DeliveryReplies.NotDeadLettered)] = "delivery.reply.not-dead-lettered",
        [typeof(DeliveryReplies.DeliveryStatus)] = "delivery.reply.status",
        [typeof(DispatchOffsetRecorded)] = "delivery.dispatch-offset-recorded",
        [typeof(DeadLetterIndexMessages.DeadLetterIndexed)] = "delivery.dead-letter-index.indexed",
        [typeof(DeadLetterIndexMessages.DeadLetterCleared)] = "delivery.dead-letter-index.cleared",
        [typeof(DeadLetterIndexState)] = "delivery.dead-letter-index.state",
        [typeof(DeadLetterIndexMessages.RecordDeadLetter)] = "delivery.dead-letter-index.command.record",
        [typeof(DeadLetterIndexMessages.ClearDeadLetter)] = "delivery.dead-letter-index.command.clear",
        [typeof(DeadLetterIndexMessages.ListDeadLetters)] = "delivery.dead-letter-index.command.list",
        [typeof(DeadLetterIndexMessages.ReplayIndexedDeadLetter)] = "delivery.dead-letter-index.command.replay",
        [typeof(DeadLetterIndexMessages.DeadLetterRecorded)] = "delivery.dead-letter-index.reply.recorded",
        [typeof(DeadLetterIndexMessages.DeadLetterPage)] = "delivery.dead-letter-index.reply.page",
        [typeof(DeadLetterIndexMessages.DeadLetterUnknown)] = "delivery.dead-letter-index.reply.unknown",

        // Dropped duplicates, recorded for audits.
        [typeof(DuplicateDropped)] = "conversation.duplicate-dropped",

        // Erasure: of a conversation, of its session index entries, and the per-tenant ledger of erasures.
        [typeof(EraseConversation)] = "conversation.command.erase",
        [typeof(ConversationErased)] = "conversation.reply.erased",
        [typeof(SessionIndexMessages.ForgetOwner)] = "session-index.forget-owner",
        [typeof(ErasureLedgerMessages.ConversationDataErased)] = "erasure-ledger.conversation-data-erased",
        [typeof(ErasureLedgerMessages.RecordErasure)] = "erasure-ledger.command.record",
        [typeof(ErasureLedgerMessages.ListErasures)] = "erasure-ledger.command.list",
        [typeof(ErasureLedgerMessages.ErasureRecorded)] = "erasure-ledger.reply.recorded",
        [typeof(ErasureLedgerMessages.ErasurePage)] = "erasure-ledger.reply.page",

        // The dispatcher follows one tag stream per tenant.
        [typeof(TenantDispatchOffsetRecorded)] = "delivery.tenant-dispatch-offset-recorded",
        [typeof(DispatchOffsets)] = "delivery.dispatch-offsets",

        // The dispatcher hands a conversation's delivery the events it read (Deliver stays for nodes of the version before).
        [typeof(DeliveryCommands.DeliverEvents)] = "delivery.command.deliver-events",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Type> ByManifest = ByType.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>Every type with a manifest.</summary>
    public static IReadOnlyCollection<Type> Types => ByType.Keys;

    /// <summary>The base types bound to <see cref="ConversationSerializer"/> in Akka's serialization settings.</summary>
    public static IReadOnlyList<Type> Bindings { get; } =
    [
        typeof(Event), typeof(ConversationState), typeof(Command), typeof(Reply), typeof(RequestPermit), typeof(PermitGranted),
        typeof(TryAcquirePermit), typeof(PermitRefused), typeof(ReleasePermit), typeof(ReadCallBudget), typeof(TenantBudgetReading), typeof(OutboxLedger),
        typeof(SessionIndexMessages.SessionMessage), typeof(SessionIndexMessages.OwnerRecorded),
        typeof(DeliveryEvents.Event), typeof(DeliveryState), typeof(DeliveryCommands.Command), typeof(DeliveryReplies.Reply), typeof(DispatchOffsetRecorded),
        typeof(DeadLetterIndexMessages.Event), typeof(DeadLetterIndexState), typeof(DeadLetterIndexMessages.Command),
        typeof(DeadLetterIndexMessages.DeadLetterRecorded), typeof(DeadLetterIndexMessages.DeadLetterPage), typeof(DeadLetterIndexMessages.DeadLetterUnknown),
        typeof(PushQuarantineMessages.Event), typeof(PushQuarantineState), typeof(PushQuarantineMessages.Command),
        typeof(PushQuarantineMessages.PushKept), typeof(PushQuarantineMessages.QuarantinePage),
        typeof(ErasureLedgerMessages.Command), typeof(ErasureLedgerMessages.Event), typeof(ErasureLedgerMessages.ErasureRecorded), typeof(ErasureLedgerMessages.ErasurePage),
        typeof(TenantDispatchOffsetRecorded), typeof(DispatchOffsets),
    ];

    public static string Of(Type type) =>
        ByType.TryGetValue(type, out var manifest)
            ? manifest
            : throw new ArgumentException($"{type.FullName} has no serializer manifest; add one to {nameof(ConversationManifests)}.", nameof(type));

    public static Type TypeOf(string manifest) =>
        ByManifest.TryGetValue(manifest, out var type)
            ? type
            : throw new System.Runtime.Serialization.SerializationException($"Unknown conversation manifest '{manifest}'.");
}
