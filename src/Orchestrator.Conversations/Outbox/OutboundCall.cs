using System.Text.Json.Serialization;
using Orchestrator.Conversations.Domain;

namespace Orchestrator.Conversations.Outbox;

/// <summary>
/// A Udesk call the conversation has committed to make, persisted before it is made (the outbox). The
/// discriminators are part of the journal format: never rename one; add a new case instead.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "call")]
[JsonDerivedType(typeof(CreateSession), "create-session")]
[JsonDerivedType(typeof(SendMessage), "send-message")]
[JsonDerivedType(typeof(CloseSession), "close-session")]
[JsonDerivedType(typeof(AbandonQueue), "abandon-queue")]
[JsonDerivedType(typeof(TransferSurvey), "transfer-survey")]
[JsonDerivedType(typeof(SendMessageOnceRouted), "send-message-once-routed")]
[JsonDerivedType(typeof(CloseOnceAnswered), "close-once-answered")]
public abstract record OutboundCall
{
    /// <summary>Which share of the company's call budget the call draws on first.</summary>
    [JsonIgnore]
    public CallPriority Priority => this is ICustomerMessage ? CallPriority.CustomerMessage : CallPriority.Session;

    /// <summary>A session request, or a close waiting for one: what is accepted behind it waits for its answer.</summary>
    [JsonIgnore]
    public bool AwaitsSessionAnswer => this is CreateSession or CloseOnceAnswered;

    /// <summary>A customer message, whatever its routing: idempotent by <see cref="MessageId"/>.</summary>
    public interface ICustomerMessage
    {
        string MessageId { get; }
    }

    public sealed record CreateSession(SessionRequest Request) : OutboundCall;

    /// <summary>
    /// The routing (<c>im_sub_session_id</c> and robot ids) is fixed when the message is accepted;
    /// <paramref name="AgentId"/> and <paramref name="GroupId"/> address a workbench message (-2).
    /// </summary>
    public sealed record SendMessage(
        string MessageId,
        string Type,
        MessagePayload Data,
        long ImSubSessionId,
        long? RobotId = null,
        long? SceneId = null,
        long? UrobotSessionId = null,
        long? AgentId = null,
        long? GroupId = null) : OutboundCall, ICustomerMessage
    {
        /// <summary>The IM workbench (a message left for the agents, no session needed).</summary>
        public const long Workbench = -2;
    }

    /// <summary>
    /// A customer message accepted while the session request ahead of it in the outbox is still unanswered: it is
    /// routed (becomes a <see cref="SendMessage"/>) from the state once its turn comes, when that answer is known.
    /// </summary>
    public sealed record SendMessageOnceRouted(string MessageId, string Type, MessagePayload Data) : OutboundCall, ICustomerMessage;

    public sealed record CloseSession(SessionId ImSubSessionId) : OutboundCall;

    public sealed record AbandonQueue(string Queue) : OutboundCall;

    /// <summary>
    /// The platform closed the conversation while a session request was on its way: once that is answered, the
    /// close is decided from the state it led to (close the session, leave the queue, or nothing to close).
    /// </summary>
    public sealed record CloseOnceAnswered : OutboundCall;

    /// <summary>Counts a urobot conversation escalated to a human (robot → agent).</summary>
    public sealed record TransferSurvey(long ImSubSessionId, long RobotId, long SceneId) : OutboundCall;
}
