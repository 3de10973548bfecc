namespace Orchestrator.Conversations.Domain;

/// <summary>What a conversation answers to a command.</summary>
public static class ConversationReplies
{
    public abstract record Reply;

    /// <summary>Persisted; <paramref name="Seq"/> is the sequence number of the command's last event.</summary>
    public sealed record Accepted(long Seq) : Reply;

    /// <summary>Already done before (same <c>message_id</c>): the original result.</summary>
    public sealed record AlreadyAccepted(long Seq) : Reply;

    /// <summary>Nothing changed, and why.</summary>
    public sealed record Rejected(RejectionReason Reason, string Detail) : Reply;

    public sealed record State(ConversationState Conversation) : Reply;

    /// <summary>The conversation's events and snapshots are gone; <paramref name="Sessions"/> are the agent sessions the index forgets.</summary>
    public sealed record ConversationErased(long Events, long Snapshots, IReadOnlyList<long> Sessions) : Reply;
}

public enum RejectionReason
{
    /// <summary>Malformed input.</summary>
    Invalid,

    /// <summary>Not possible in the conversation's current state (e.g. a preview outside an agent session).</summary>
    Conflict,

    /// <summary>Reached after the caller stopped waiting for it; it will be sent again.</summary>
    TooLate,
}
