using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Retention;

/// <summary>
/// The per-tenant record of every erasure, by retention or on request. It names the customer only by the SHA-256
/// of their token: the ledger proves what was erased, when and why, without keeping who (a platform that holds the
/// token can hash it and find its entry).
/// </summary>
public static class ErasureLedgerMessages
{
    public abstract record Command(string Tenant)
    {
        [JsonIgnore]
        public string EntityId => Uri.EscapeDataString(Tenant);
    }

    /// <summary>Answered <see cref="ErasureRecorded"/> with the entry's id.</summary>
    public sealed record RecordErasure(
        string Tenant, string CustomerTokenSha256, ErasureReason Reason, long EventsDeleted, long SnapshotsDeleted, int SessionIndexEntries, string? IssuedBy)
        : Command(Tenant);

    /// <summary>Answered with an <see cref="ErasurePage"/>: the entries recorded in [<paramref name="From"/>, <paramref name="To"/>), oldest first.</summary>
    public sealed record ListErasures(string Tenant, DateTimeOffset? From, DateTimeOffset? To, int Limit) : Command(Tenant);

    public sealed record ErasureRecorded(ConversationDataErased Entry);

    public sealed record ErasurePage(IReadOnlyList<ConversationDataErased> Entries);

    /// <summary>Persisted by the ledger entity of one tenant; never removed.</summary>
    public abstract record Event;

    /// <param name="Id">Per tenant, from 1.</param>
    /// <param name="IssuedBy">The API key (its name) that asked; null for retention.</param>
    public sealed record ConversationDataErased(
        long Id, string Tenant, string CustomerTokenSha256, ErasureReason Reason, long EventsDeleted, long SnapshotsDeleted, int SessionIndexEntries,
        DateTimeOffset At, string? IssuedBy) : Event;
}
