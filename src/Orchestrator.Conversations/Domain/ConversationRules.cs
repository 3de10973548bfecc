namespace Orchestrator.Conversations.Domain;

/// <summary>The settings that shape decisions (as opposed to runtime plumbing).</summary>
public sealed record ConversationRules
{
    public const int DefaultDedupeWindow = 256;

    /// <summary>
    /// How many repeats of one message id are recorded as <see cref="ConversationEvents.DuplicateDropped"/>: a storm
    /// of the same duplicate (a push redelivered in a loop, a client retrying blindly) then costs at most this many
    /// events per id, and the last one says that further repeats go unrecorded. The count is kept only while the
    /// id is in the dedupe window, so the state stays bounded too.
    /// </summary>
    public const int RecordedRepeatsPerId = 3;

    /// <summary>How many recent message ids (per direction) are remembered for dedupe and idempotency.</summary>
    public int DedupeWindow { get; init; } = DefaultDedupeWindow;
}
