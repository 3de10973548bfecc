using System.Collections.Frozen;
using Orchestrator.Conversations.Domain;
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

        // Snapshot.
        [typeof(ConversationState)] = "conversation.state",

        // Commands and replies cross nodes through the shard region.
        [typeof(RequestSession)] = "conversation.command.request-session",
        [typeof(ConversationCommands.SendMessage)] = "conversation.command.send-message",
        [typeof(SendPreview)] = "conversation.command.send-preview",
        [typeof(ConversationCommands.CloseSession)] = "conversation.command.close-session",
        [typeof(ConversationCommands.AbandonQueue)] = "conversation.command.abandon-queue",
        [typeof(ApplyPush)] = "conversation.command.apply-push",
        [typeof(ApplyReadReceipt)] = "conversation.command.apply-read-receipt",
        [typeof(GetState)] = "conversation.command.get-state",
        [typeof(CompleteCall)] = "conversation.command.complete-call",
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
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Type> ByManifest = ByType.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>Every type with a manifest.</summary>
    public static IReadOnlyCollection<Type> Types => ByType.Keys;

    /// <summary>The base types bound to <see cref="ConversationSerializer"/> in Akka's serialization settings.</summary>
    public static IReadOnlyList<Type> Bindings { get; } =
    [
        typeof(Event), typeof(ConversationState), typeof(Command), typeof(Reply), typeof(RequestPermit), typeof(PermitGranted),
        typeof(TryAcquirePermit), typeof(PermitRefused), typeof(ReleasePermit),
        typeof(SessionIndexMessages.SessionMessage), typeof(SessionIndexMessages.OwnerRecorded),
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
