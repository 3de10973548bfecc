namespace Orchestrator.Conversations.Domain;

/// <summary>The settings that shape decisions (as opposed to runtime plumbing).</summary>
public sealed record ConversationRules
{
    public const int DefaultDedupeWindow = 256;

    /// <summary>How many recent message ids (per direction) are remembered for dedupe and idempotency.</summary>
    public int DedupeWindow { get; init; } = DefaultDedupeWindow;
}
