using System.Text.Json.Serialization;
using Orchestrator.Conversations.Domain;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// The tenant-wide list of dead letters, each with a short id the platform names in a replay. The delivery
/// entities own the truth; this index is told of every change and re-told on their recovery.
/// </summary>
public static class DeadLetterIndexMessages
{
    public abstract record Command(string Tenant)
    {
        [JsonIgnore]
        public string EntityId => Uri.EscapeDataString(Tenant);
    }

    /// <summary>Answered <see cref="DeadLetterRecorded"/>; a dead letter already listed keeps its id.</summary>
    public sealed record RecordDeadLetter(string Tenant, ConversationId Conversation, DeadLetter DeadLetter) : Command(Tenant);

    /// <summary>The dead letter was replayed successfully.</summary>
    public sealed record ClearDeadLetter(string Tenant, ConversationId Conversation, long Seq) : Command(Tenant);

    /// <summary>Answered with a <see cref="DeadLetterPage"/> of up to <paramref name="Limit"/> entries with ids above <paramref name="After"/>.</summary>
    public sealed record ListDeadLetters(string Tenant, long After, int Limit) : Command(Tenant);

    /// <summary>Answered <see cref="DeliveryReplies.ReplayStarted"/> or <see cref="DeadLetterUnknown"/>.</summary>
    public sealed record ReplayIndexedDeadLetter(string Tenant, long Id) : Command(Tenant);

    public sealed record DeadLetterRecorded(ConversationId Conversation, long Seq);

    public sealed record DeadLetterPage(IReadOnlyList<IndexedDeadLetter> Entries);

    public sealed record DeadLetterUnknown(long Id);

    /// <summary>Persisted by the index entity of one tenant.</summary>
    public abstract record Event;

    public sealed record DeadLetterIndexed(IndexedDeadLetter Entry) : Event;

    public sealed record DeadLetterCleared(long Id) : Event;
}

/// <summary>A dead letter as the tenant lists it.</summary>
public sealed record IndexedDeadLetter(long Id, ConversationId Conversation, long Seq, string Reason, int? LastStatus, DateTimeOffset At);
