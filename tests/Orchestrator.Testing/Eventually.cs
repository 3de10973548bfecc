using System.Diagnostics;
using Xunit;

namespace Orchestrator.Testing;

/// <summary>
/// Awaits what happens asynchronously instead of sleeping: reads again every <see cref="PollInterval"/> until the
/// condition holds, and fails the test with what it waited for and the last value seen once the bound has passed.
/// </summary>
public static class Eventually
{
    /// <summary>The bound when a call gives none: generous, since it only delays the report of a failure.</summary>
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Reads until <paramref name="holds"/> accepts the value read, and answers that value.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> holds, string what, TimeSpan? within = null)
    {
        var bound = within ?? DefaultWithin;
        var elapsed = Stopwatch.StartNew();
        var last = await read();
        while (!holds(last))
        {
            if (elapsed.Elapsed > bound)
            {
                Assert.Fail($"Timed out after {bound.TotalSeconds:0.###} s waiting for: {what}; last seen: {last}");
            }

            await Task.Delay(PollInterval);
            last = await read();
        }

        return last;
    }

    /// <summary>
    /// Reads until <paramref name="holds"/> accepts the value read or <paramref name="within"/> has passed, and answers
    /// the last value read either way: for a test that reports how far from the condition it stayed before asserting.
    /// </summary>
    public static async Task<T> LastRead<T>(Func<Task<T>> read, Func<T, bool> holds, TimeSpan within)
    {
        var elapsed = Stopwatch.StartNew();
        var last = await read();
        while (!holds(last) && elapsed.Elapsed <= within)
        {
            await Task.Delay(PollInterval);
            last = await read();
        }

        return last;
    }

    /// <summary>Awaits <paramref name="condition"/> becoming true.</summary>
    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? within = null) =>
        Until(condition, holds => holds, what, within);

    /// <summary>Awaits <paramref name="condition"/> becoming true.</summary>
    public static Task True(Func<bool> condition, string what, TimeSpan? within = null) =>
        True(() => Task.FromResult(condition()), what, within);
}
