namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>A paced loop's wait: the next tick, or false once the loop is told to stop.</summary>
public static class TimerTicks
{
    public static async Task<bool> NextTickOrStop(this PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
