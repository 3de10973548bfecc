namespace Orchestrator.Bench.Scenarios;

/// <summary>Customer tokens of a run: a prefix and a number, so phases never touch each other's conversations.</summary>
internal static class ConversationTokens
{
    public static string[] Make(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToArray();

    /// <summary>
    /// A session id per token, as Udesk would have given it; <paramref name="set"/> keeps the token sets of one run
    /// apart (every agent session has one owner in the session index).
    /// </summary>
    public static long SessionOf(int index, int set = 0) => 10_000_000L * (set + 1) + index;
}
