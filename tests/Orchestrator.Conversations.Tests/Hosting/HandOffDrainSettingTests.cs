using Akka.Hosting;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Tests.Support;

namespace Orchestrator.Conversations.Tests.Hosting;

/// <summary>
/// A drain that sharding would cut short by force is refused at start, naming the setting; a leaving node's hand-off
/// phase is sized from the drain.
/// </summary>
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

    [Fact]
    public async Task A_leaving_node_gives_its_shards_hand_off_the_drain_and_a_margin()
    {
        using var fixture = new ConversationFixture(new ConversationSettings { HandOffDrainTimeout = TimeSpan.FromSeconds(30) });
        await using var node = await ConversationHost.StartAsync(fixture, akka => akka.AddHocon(ConversationFixture.InMemoryPersistence, HoconAddMode.Prepend));

        // Akka's default (10 s) would end a leaving node's hand-off, and the system, before a 30 s drain could end.
        Assert.Equal(TimeSpan.FromSeconds(36), node.System.Settings.Config.GetTimeSpan("akka.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout"));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);
}
