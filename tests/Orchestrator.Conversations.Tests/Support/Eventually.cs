namespace Orchestrator.Conversations.Tests.Support;

/// <summary>Awaits a condition that becomes true asynchronously, failing the test after a deadline.</summary>
public static class Eventually
{
    public static async Task True(Func<Task<bool>> condition, TimeSpan? within = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because ?? "the condition was not met in time");
            await Task.Delay(20);
        }
    }
}
