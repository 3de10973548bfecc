using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>What the service accepted survives Udesk failing and the service restarting, in order.</summary>
public sealed class ResilienceTests(Journey journey) : IClassFixture<Journey>
{
    [Fact]
    public async Task Messages_accepted_while_Udesk_fails_reach_it_in_order_once_it_recovers()
    {
        var customer = journey.Customer("outage-customer");
        await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 397 }));
        var session = (await customer.StateWhere(s => Str(s, "state") == "agent", "agent session"))!["im_sub_session_id"]!.GetValue<long>();

        await journey.Simulator.SetFaults(new JsonObject { ["api_error_rate"] = 1.0, ["api_error_status"] = 503 });
        try
        {
            foreach (var i in Enumerable.Range(1, 5))
            {
                await Accepted(customer.SendMessage($"outage-{i}", $"message {i}"));
            }

            await Eventually.Until(journey.Simulator.Calls, calls => calls.Count(c => c!["http_status"]!.GetValue<int>() == 503) >= 2, "Udesk refusing calls");
            Assert.True((await customer.State())!["pending_udesk_calls"]!.GetValue<int>() > 0, "the messages wait in the outbox");
        }
        finally
        {
            await journey.Simulator.SetFaults(new JsonObject { ["api_error_rate"] = 0.0 });
        }

        await customer.StateWhere(s => s["pending_udesk_calls"]!.GetValue<int>() == 0, "the outbox drained");
        var arrived = Ids(await journey.Simulator.Session(session), "customer_message_ids");
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"outage-{i}"), arrived);
        await AssertNoViolations(journey);
    }

    [Fact]
    public async Task A_restarted_service_carries_on_every_conversation_where_it_stood_with_its_feed_intact()
    {
        var customer = journey.Customer("restarted-customer");
        await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 399 }));
        var before = await customer.StateWhere(s => Str(s, "state") == "agent", "agent session");
        var session = before!["im_sub_session_id"]!.GetValue<long>();
        await Accepted(customer.SendMessage("before-restart", "one"));
        await customer.StateWhere(s => s["pending_udesk_calls"]!.GetValue<int>() == 0, "the outbox drained");
        before = await customer.State();
        var feedBefore = await customer.Events(includeInternal: true);

        await journey.Restart();

        customer = journey.Customer("restarted-customer");
        var after = await customer.State();
        Assert.Equal(before!.ToJsonString(), after!.ToJsonString());
        Assert.Equal(feedBefore.ToJsonString(), (await customer.Events(includeInternal: true)).ToJsonString());

        var again = await Accepted(customer.SendMessage("before-restart", "one"));
        Assert.True(again["duplicate"]!.GetValue<bool>(), "message ids accepted before the restart are still known");
        await Accepted(customer.SendMessage("after-restart", "two"));
        await journey.Simulator.AgentReply(session, "still here");
        await customer.StateWhere(
            s => s["pending_udesk_calls"]!.GetValue<int>() == 0 && s["last_seq"]!.GetValue<long>() >= before["last_seq"]!.GetValue<long>() + 2,
            "the new message sent and the reply recorded");
        Assert.Equal(["before-restart", "after-restart"], Ids(await journey.Simulator.Session(session), "customer_message_ids"));
    }
}
