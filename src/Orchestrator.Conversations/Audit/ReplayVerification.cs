using Orchestrator.Conversations.Domain;

namespace Orchestrator.Conversations.Audit;

/// <summary>
/// Whether a conversation's state is what its events say: the events folded from seq 1 (no snapshot) through
/// <see cref="ConversationState.Apply(ConversationEvents.Event)"/>, compared with the latest snapshot at the
/// snapshot's seq and with the live actor's state at its seq.
/// </summary>
/// <param name="ReplayedSeq">The last event read from the journal.</param>
/// <param name="SnapshotSeq">The seq of the latest snapshot, null when there is none.</param>
/// <param name="LiveSeq">The live state's seq, null when the actor was not asked or did not answer.</param>
public sealed record ReplayVerification(
    string Tenant,
    string CustomerToken,
    long ReplayedSeq,
    long? SnapshotSeq,
    IReadOnlyList<StateDifference> SnapshotDifferences,
    long? LiveSeq,
    IReadOnlyList<StateDifference> LiveDifferences)
{
    public bool Consistent => SnapshotDifferences.Count == 0 && LiveDifferences.Count == 0;

    public int DifferenceCount => SnapshotDifferences.Count + LiveDifferences.Count;

    /// <summary>
    /// Folds <paramref name="events"/> (in seq order, from 1) with <paramref name="apply"/> (the conversation's own
    /// <c>Apply</c> unless a test plants another) and compares. A state newer than the events read is reported as a
    /// difference of <c>$.seq</c>, never silently skipped.
    /// </summary>
    public static ReplayVerification Of(
        ConversationId id, ConversationRules rules, IReadOnlyList<ConversationEvents.Event> events, (long Seq, ConversationState State)? snapshot,
        ConversationState? live, Func<ConversationState, ConversationEvents.Event, ConversationState>? apply = null)
    {
        apply ??= (state, e) => state.Apply(e);
        var initial = ConversationState.Initial(rules);
        ConversationState FoldTo(long seq) => events.TakeWhile(e => e.Seq <= seq).Aggregate(initial, apply);

        return new ReplayVerification(
            id.Tenant,
            id.CustomerToken,
            events.Count > 0 ? events[^1].Seq : 0,
            snapshot?.Seq,
            snapshot is { } taken ? StateDifference.Between(FoldTo(taken.Seq), taken.State) : [],
            live?.Seq,
            live is not null ? StateDifference.Between(FoldTo(live.Seq), live) : []);
    }
}
