using Akka.Hosting;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Tests.Support;

namespace Orchestrator.Conversations.Tests.Hosting;

/// <summary>A drain that sharding would cut short by force is refused at start, naming the setting.</summary>
public sealed class HandOffDrainSettingTests
{
    [Fact]
    public async Task A_drain_timeout_not_below_the_handoff_timeout_less_5_s_stops_the_start()
    {
        // Sharding's default handoff-timeout is 60 s: entities still running at 55 s are stopped by force.
        using var fixture = new ConversationFixture(new ConversationSettings { HandOffDrainTimeout = TimeSpan.FromSeconds(55) });

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConversationHost.StartAsync(fixture, akka => akka
            .AddHocon(ConversationFixture.InMemoryPersistence, HoconAddMode.Prepend)));

        Assert.Contains("Orchestrator:Conversations:HandOffDrainTimeout", Flatten(refused));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);
}
