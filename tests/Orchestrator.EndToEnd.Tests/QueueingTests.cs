using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>With every agent full, customers queue in order, and the first is served when an agent frees up.</summary>
public sealed class QueueingTests(Journey journey) : IClassFixture<Journey>
{
    private async Task SetEveryAgentsCapacity(int capacity)
    {
        foreach (var agent in await journey.Simulator.Agents())
        {
            await journey.Simulator.SetAgent(agent!["id"]!.GetValue<long>(), new JsonObject { ["capacity"] = capacity });
        }
    }

    [Fact]
    public async Task Customers_queue_in_order_and_the_first_gets_the_agent_who_frees_up()
    {
        await SetEveryAgentsCapacity(0);
        var first = journey.Customer("queued-first");
        var second = journey.Customer("queued-second");

        await Accepted(first.RequestSession(new JsonObject { ["assign_type"] = "agent" }));
        var firstQueued = await first.StateWhere(s => Str(s, "state") == "queued", "first queued");
        await Accepted(second.RequestSession(new JsonObject { ["assign_type"] = "agent" }));
        var secondQueued = await second.StateWhere(s => Str(s, "state") == "queued", "second queued");

        Assert.Equal(1, firstQueued!["queue"]!["position"]!.GetValue<int>());
        Assert.Equal(2, secondQueued!["queue"]!["position"]!.GetValue<int>());

        await Accepted(first.SendMessage("while-queued", "anyone there?"));
        await Eventually.Until(journey.Simulator.DeliveredMessages, m => m.Any(b => Str(b, "message_id") == "while-queued"), "the queued message at Udesk");
        Assert.Equal(-3, (await journey.Simulator.DeliveredMessages()).Single(b => Str(b, "message_id") == "while-queued")["im_sub_session_id"]!.GetValue<long>());

        await journey.Simulator.SetAgent(397, new JsonObject { ["capacity"] = 1 });

        var served = await first.StateWhere(s => Str(s, "state") == "agent", "the first customer served");
        Assert.Equal(397, served!["agent"]!["id"]!.GetValue<long>());
        Assert.Equal("queued", Str((await second.State())!, "state"));
        await AssertNoViolations(journey);
    }

    [Fact]
    public async Task A_customer_udesk_drops_from_its_queue_without_a_push_is_noticed_and_returned_to_where_it_was()
    {
        await SetEveryAgentsCapacity(0);
        try
        {
            var customer = journey.Customer("dropped-from-queue");
            await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "robot" }));
            await customer.StateWhere(s => Str(s, "state") == "robot", "with the robot");
            await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent" }));
            await customer.StateWhere(s => Str(s, "state") == "queued", "queued");

            await journey.Simulator.Post($"queue/{customer.CustomerToken}/drop");

            var back = await customer.StateWhere(s => Str(s, "state") == "robot", "back with the robot once queue_status says it is not queued");
            Assert.Null(back!["queue"]);
            var feed = (await customer.Events())["events"]!.AsArray();
            Assert.Single(feed, e => Str(e!.AsObject(), "type") == "dropped_from_queue");
            await AssertNoViolations(journey);
        }
        finally
        {
            await SetEveryAgentsCapacity(2);
        }
    }
}
