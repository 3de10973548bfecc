namespace Orchestrator.Udesk.Simulator.Tests.Support;

/// <summary>Awaits a condition that becomes true asynchronously, failing the test after a deadline.</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition, string because, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {because}.");
            await Task.Delay(20);
        }
    }
}
