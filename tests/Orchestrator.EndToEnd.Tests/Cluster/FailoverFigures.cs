using System.Globalization;

namespace Orchestrator.EndToEnd.Tests.Cluster;

/// <summary>
/// What a scenario's audit found: how long until every conversation answered again after each disruption, and the
/// counts the issue asks to be zero. <see cref="Failures"/> holds every count that is not.
/// </summary>
public sealed record FailoverFigures(
    string Scenario,
    IReadOnlyList<TimeSpan> AnswerAgain,
    int PushesAcknowledged,
    int PushesLost,
    int PushesDuplicated,
    int MessagesAccepted,
    int MessagesLost,
    int MessagesDuplicated,
    int MessagesRepeatedAfterCrash,
    int Violations,
    int StuckConversations,
    int StuckCalls,
    int SplitRounds,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Notes)
{
    /// <summary>The generous bound asserted; the issue's target (10 s) is measured and reported, not asserted.</summary>
    public static readonly TimeSpan AnswerAgainBound = TimeSpan.FromSeconds(60);

    /// <summary>One row of BENCHMARKS.md's failover table.</summary>
    public string Row =>
        $"| {Scenario} | {string.Join(" / ", AnswerAgain.Select(t => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s"))} " +
        $"| {PushesLost} of {PushesAcknowledged} pushes, {MessagesLost} of {MessagesAccepted} messages " +
        $"| {PushesDuplicated} pushes, {MessagesDuplicated} messages ({MessagesRepeatedAfterCrash} repeated after a crash) | {Violations} | {StuckConversations} ({StuckCalls} calls) | {SplitRounds} |";

    public IReadOnlyList<string> Failures =>
    [
        .. AnswerAgain.Where(t => t > AnswerAgainBound).Select(t => $"a conversation answered again only after {t.TotalSeconds:F1} s (bound {AnswerAgainBound.TotalSeconds} s)"),
        .. Count(PushesLost, "acknowledged pushes missing from their feed"),
        .. Count(PushesDuplicated, "pushed messages in a feed more than once"),
        .. Count(MessagesLost, "accepted platform messages not at Udesk when audited (after the 60 s drain)"),
        .. Count(MessagesDuplicated, "platform messages Udesk received more than once (beyond a call in flight when a node was killed)"),
        .. Count(Violations, "rate-limit violations at Udesk"),
        .. Count(StuckConversations, "conversations with calls still pending 60 s after the load stopped"),
        .. Count(SplitRounds, "rounds of membership reads that showed two clusters"),
        .. Problems,
    ];

    private static IEnumerable<string> Count(int count, string what) => count == 0 ? [] : [$"{count} {what}"];
}
