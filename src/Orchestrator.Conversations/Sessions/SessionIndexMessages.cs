using System.Text.Json.Serialization;
using Orchestrator.Conversations.Domain;

namespace Orchestrator.Conversations.Sessions;

/// <summary>
/// The index from a Udesk agent session (<c>im_sub_session_id</c>) to its conversation: Udesk's read-status push
/// names only the session.
/// </summary>
public static class SessionIndexMessages
{
    public abstract record SessionMessage(string Tenant, long SessionId)
    {
        [JsonIgnore]
        public string EntityId => $"{Uri.EscapeDataString(Tenant)}/{SessionId}";
    }

    /// <summary>From a conversation that entered or was transferred to <see cref="SessionMessage.SessionId"/>.</summary>
    public sealed record RecordOwner(string Tenant, long SessionId, ConversationId Owner) : SessionMessage(Tenant, SessionId);

    /// <summary>The agent read these customer messages: applied to the owning conversation, answered with its reply.</summary>
    public sealed record RouteReadReceipt(string Tenant, long SessionId, IReadOnlyList<string> MessageIds) : SessionMessage(Tenant, SessionId);

    /// <summary>
    /// <paramref name="Owner"/>'s data was erased: the entry (which names its customer token) goes, events and all,
    /// unless the session belongs to another conversation by now.
    /// </summary>
    public sealed record ForgetOwner(string Tenant, long SessionId, ConversationId Owner) : SessionMessage(Tenant, SessionId);

    /// <summary>Persisted by the index entity of one session.</summary>
    public sealed record OwnerRecorded(ConversationId Owner, DateTimeOffset At);
}
