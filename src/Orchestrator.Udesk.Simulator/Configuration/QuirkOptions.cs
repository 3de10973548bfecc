namespace Orchestrator.Udesk.Simulator.Configuration;

/// <summary>
/// Things real Udesk does that are legal but surprising: odd JSON shapes, split or reordered batches, sessions and
/// queue places lost without a push, refusals of correct signatures. All off by default; rates are probabilities
/// from 0 to 1 drawn from the seeded random source; changeable while running through <c>PUT /_sim/quirks</c>.
/// </summary>
public sealed class QuirkOptions
{
    /// <summary>Chance that a pushed message takes odd but real shapes (numbers as strings, ids as numbers, ...), its facts unchanged.</summary>
    public double OddShapesRate { get; set; }

    /// <summary>Chance that a push batch of several messages is delivered as one push per message.</summary>
    public double SplitBatchRate { get; set; }

    /// <summary>Chance that, on a transfer, the new session's first message is pushed before the <c>transfer</c> event.</summary>
    public double LateTransferRate { get; set; }

    /// <summary>Chance that a transfer is pushed as a <c>close</c> (<c>redirect</c>) of the old session, then the <c>transfer</c> event.</summary>
    public double RedirectCloseOnTransferRate { get; set; }

    /// <summary>Chance that a correctly signed call is refused 2059, as Udesk does for a timestamp at the edge of its window.</summary>
    public double SignatureRefusalRate { get; set; }

    /// <summary>Chance, per customer message or preview for an open agent session, that Udesk closed it without a close push.</summary>
    public double SessionClosedSilentlyRate { get; set; }

    /// <summary>Chance, per call about a queued customer, that Udesk dropped the customer from the queue without a push.</summary>
    public double QueueDropRate { get; set; }

    /// <summary>
    /// Whether a repeated customer <c>message_id</c> is answered success with no second effect. The spec calls the
    /// id the "company message unique identifier"; that Udesk deduplicates on it is the simulator's assumption.
    /// </summary>
    public bool MessageIdsDeduplicated { get; set; } = true;

    public QuirkOptions Clone() => (QuirkOptions)MemberwiseClone();
}
