using Orchestrator.Conversations.Retention;

namespace Orchestrator.Host.Api.Audit;

/// <summary>
/// One erasure as the ledger holds it. The customer is named only by <paramref name="CustomerSha256"/>, the
/// lower-case hex SHA-256 of their token's UTF-8 bytes.
/// </summary>
/// <param name="Reason"><c>retention</c> or <c>request</c>.</param>
/// <param name="IssuedBy">The API key (its name) that asked; absent for retention.</param>
public sealed record ErasureView(
    long ErasureId, string CustomerSha256, string Reason, long EventsDeleted, long SnapshotsDeleted, int SessionIndexEntries, DateTimeOffset At, string? IssuedBy)
{
    public static ErasureView Of(ErasureLedgerMessages.ConversationDataErased erased) => new(
        erased.Id, erased.CustomerTokenSha256, erased.Reason.ToString().ToLowerInvariant(), erased.EventsDeleted, erased.SnapshotsDeleted,
        erased.SessionIndexEntries, erased.At, erased.IssuedBy);
}

/// <summary>The tenant's erasures in a window, oldest first.</summary>
public sealed record ErasureList(IReadOnlyList<ErasureView> Erasures);
