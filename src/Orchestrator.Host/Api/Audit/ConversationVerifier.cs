using Orchestrator.Conversations.Audit;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Telemetry;
using Orchestrator.Host.Conversations;

namespace Orchestrator.Host.Api.Audit;

/// <summary>
/// Replay-verifies one conversation against its latest snapshot and its live actor; a difference is counted
/// (<c>orchestrator.audit.verify_differences</c>) and logged as an error naming every path.
/// </summary>
public sealed class ConversationVerifier(AuditJournal journal, ConversationClient conversations, ConversationRules rules, ILogger<ConversationVerifier> log)
{
    /// <summary>The verification, or null when the journal holds nothing of the conversation.</summary>
    public async Task<ReplayVerification?> VerifyAsync(ConversationId id, CancellationToken cancellationToken)
    {
        // The live state first: the events read after it reach at least its seq.
        var live = await conversations.StateOf(id, cancellationToken);
        var snapshot = await journal.LatestSnapshotOf(id, cancellationToken);
        var events = await journal.EventsOf(id, cancellationToken);
        if (events.Count == 0 && snapshot is null)
        {
            return null;
        }

        var verification = ReplayVerification.Of(id, rules, events, snapshot, live);
        if (!verification.Consistent)
        {
            OrchestratorMetrics.VerifyDifferencesFound(id.Tenant, verification.DifferenceCount);
            log.LogError(
                "Replay of {Conversation} (to seq {ReplayedSeq}) disagrees with its snapshot at {SnapshotSeq} in {SnapshotPaths} and its live state at {LiveSeq} in {LivePaths}",
                id, verification.ReplayedSeq, verification.SnapshotSeq, verification.SnapshotDifferences.Select(d => d.Path), verification.LiveSeq,
                verification.LiveDifferences.Select(d => d.Path));
        }

        return verification;
    }
}
