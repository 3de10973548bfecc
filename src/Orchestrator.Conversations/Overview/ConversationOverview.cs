using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Overview;

/// <summary>
/// Every conversation's <see cref="ConversationSummary"/>, by tenant and customer token, and the journal offset it
/// has read up to: the operations console's read model, built from the journal without waking a conversation.
/// Owned by one <see cref="ConversationOverviewActor"/>, which alone calls <see cref="Apply"/>.
/// </summary>
public sealed class ConversationOverview
{
    private readonly Dictionary<string, Dictionary<string, ConversationSummary>> tenants = new(StringComparer.Ordinal);

    /// <summary>The journal offset of the last event applied.</summary>
    public long Offset { get; private set; }

    /// <summary>Folds one journal event in; anything but a conversation's event only moves the offset.</summary>
    public void Apply(long offset, string persistenceId, object @event)
    {
        Offset = Math.Max(Offset, offset);
        if (@event is not Event conversationEvent || !persistenceId.StartsWith(ConversationId.PersistenceIdPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var id = ConversationId.FromPersistenceId(persistenceId);
        if (!tenants.TryGetValue(id.Tenant, out var conversations))
        {
            tenants[id.Tenant] = conversations = new Dictionary<string, ConversationSummary>(StringComparer.Ordinal);
        }

        var summary = conversations.TryGetValue(id.CustomerToken, out var known) ? known : ConversationSummary.Initial(conversationEvent.At);
        conversations[id.CustomerToken] = summary.Apply(conversationEvent);
    }

    /// <summary>How many conversations of the tenant the overview holds.</summary>
    public int CountOf(string tenant) => tenants.TryGetValue(tenant, out var conversations) ? conversations.Count : 0;

    /// <summary>How many of the tenant's conversations are in each status (every status, zero included).</summary>
    public IReadOnlyDictionary<ConversationStatus, int> CountsOf(string tenant)
    {
        var counts = Enum.GetValues<ConversationStatus>().ToDictionary(status => status, _ => 0);
        foreach (var summary in Of(tenant).Values)
        {
            counts[summary.Status]++;
        }

        return counts;
    }

    /// <summary>The tenant's queued conversations, longest waiting first.</summary>
    public IReadOnlyList<OverviewEntry> QueueOf(string tenant) =>
        [.. Of(tenant).Where(c => c.Value.Status == ConversationStatus.Queued).OrderBy(c => c.Value.QueuedSince).Select(c => new OverviewEntry(c.Key, c.Value))];

    /// <summary>
    /// Up to <paramref name="limit"/> of the tenant's conversations whose customer token contains
    /// <paramref name="text"/> (case-insensitive), an exact match first, then most recently active.
    /// </summary>
    public IReadOnlyList<OverviewEntry> Search(string tenant, string text, int limit) =>
        [.. Of(tenant)
            .Where(c => c.Key.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Key == text)
            .ThenByDescending(c => c.Value.LastEventAt)
            .Take(limit)
            .Select(c => new OverviewEntry(c.Key, c.Value))];

    private IReadOnlyDictionary<string, ConversationSummary> Of(string tenant) =>
        tenants.TryGetValue(tenant, out var conversations) ? conversations : new Dictionary<string, ConversationSummary>();
}

/// <summary>One conversation of a tenant, as the overview holds it.</summary>
public sealed record OverviewEntry(string CustomerToken, ConversationSummary Summary);
