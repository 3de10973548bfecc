namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>Awaits a condition instead of sleeping: polls until it holds, failing with the last value seen.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> holds, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var last = await read();
        while (!holds(last))
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting for {what}; last seen: {last}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            last = await read();
        }

        return last;
    }
}
