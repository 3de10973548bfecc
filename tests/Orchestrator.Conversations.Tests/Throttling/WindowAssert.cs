namespace Orchestrator.Conversations.Tests.Throttling;

internal static class WindowAssert
{
    /// <summary>No more than <paramref name="limit"/> of <paramref name="times"/> fall in any window of <paramref name="window"/>.</summary>
    public static void AtMost(int limit, TimeSpan window, IReadOnlyList<DateTimeOffset> times)
    {
        var ordered = times.Order().ToList();
        for (var i = 0; i + limit < ordered.Count; i++)
        {
            var span = ordered[i + limit] - ordered[i];
            Assert.True(span >= window, $"{limit + 1} events within {span.TotalMilliseconds:F0} ms (from #{i}); the limit is {limit} per {window.TotalMilliseconds} ms");
        }
    }
}
