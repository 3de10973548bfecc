using Orchestrator.Conversations.Domain;

namespace Orchestrator.Conversations.Overview;

/// <summary>
/// Questions to this node's <see cref="ConversationOverviewActor"/>; asked on the same node only (never serialized).
/// </summary>
public static class OverviewMessages
{
    /// <summary>Answered by <see cref="OverviewReading"/>.</summary>
    public sealed record ReadOverview(string Tenant);

    /// <summary>The tenant's conversations by status and its queue, as of journal offset <see cref="Offset"/>.</summary>
    public sealed record OverviewReading(string Tenant, long Offset, int Conversations, IReadOnlyDictionary<ConversationStatus, int> Counts, IReadOnlyList<OverviewEntry> Queue);

    /// <summary>Answered by <see cref="ConversationMatches"/>: conversations whose customer token contains <see cref="Text"/>.</summary>
    public sealed record SearchConversations(string Tenant, string Text, int Limit);

    public sealed record ConversationMatches(IReadOnlyList<OverviewEntry> Matches);
}
