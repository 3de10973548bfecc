using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>
/// A customer's whole conversation through the real service and the simulator as Udesk: robot, agent, a transfer,
/// a close; every customer message reaching the session the state called for, and Udesk never over its limits.
/// </summary>
public sealed class ConversationJourneyTests(Journey journey) : IClassFixture<Journey>
{
    [Fact]
    public async Task A_customer_goes_from_the_robot_to_an_agent_through_a_transfer_to_a_close()
    {
        var customer = journey.Customer("journey-customer");

        await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "robot" }));
        await customer.StateWhere(s => Str(s, "state") == "robot", "robot session");
        await Accepted(customer.SendMessage("m-robot", "what is your business"));
        await Eventually.Until(journey.Simulator.DeliveredMessages, m => m.Any(b => Str(b, "message_id") == "m-robot"), "m-robot at Udesk");

        await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 397 }));
        var withAgent = await customer.StateWhere(s => Str(s, "state") == "agent", "agent session");
        var first = withAgent!["im_sub_session_id"]!.GetValue<long>();
        Assert.Equal(397, withAgent["agent"]!["id"]!.GetValue<long>());

        await Accepted(customer.SendMessage("m-agent", "hello Tom"));
        await Eventually.Until(() => journey.Simulator.Session(first), s => Ids(s, "customer_message_ids").Contains("m-agent"), "m-agent in the first session");

        var beforeReply = withAgent["last_seq"]!.GetValue<long>();
        await journey.Simulator.AgentReply(first, "how can I help?");
        await customer.StateWhere(s => s["last_seq"]!.GetValue<long>() > beforeReply, "the agent's reply recorded");

        await journey.Simulator.Transfer(first, 398);
        var transferred = await customer.StateWhere(s => s["im_sub_session_id"]!.GetValue<long>() != first, "the transfer");
        var second = transferred!["im_sub_session_id"]!.GetValue<long>();
        Assert.Equal("agent", Str(transferred, "state"));
        Assert.Equal(398, transferred["agent"]!["id"]!.GetValue<long>());
        Assert.Contains(first, transferred["previous_session_ids"]!.AsArray().Select(i => i!.GetValue<long>()));

        await Accepted(customer.SendMessage("m-after-transfer", "hello Jerry"));
        await Eventually.Until(() => journey.Simulator.Session(second), s => Ids(s, "customer_message_ids").Contains("m-after-transfer"), "the message in the new session");
        Assert.DoesNotContain("m-after-transfer", Ids(await journey.Simulator.Session(first), "customer_message_ids"));

        await journey.Simulator.Close(second, "normal");
        var closed = await customer.StateWhere(s => Str(s, "state") == "closed", "the close");
        Assert.Equal("normal", Str(closed!, "close_type"));
        Assert.NotNull(closed!["survey_options"]);

        var delivered = (await journey.Simulator.DeliveredMessages()).Where(b => Str(b, "customer_token") == customer.CustomerToken).ToList();
        Assert.Equal(["m-robot", "m-agent", "m-after-transfer"], delivered.Select(b => Str(b, "message_id")));
        Assert.Equal([0L, first, second], delivered.Select(b => b["im_sub_session_id"]!.GetValue<long>()));
        await AssertNoViolations(journey);
    }

    [Fact]
    public async Task A_message_sent_twice_with_one_message_id_reaches_Udesk_once_and_answers_the_same()
    {
        var customer = journey.Customer("idempotent-customer");
        await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 399 }));
        var state = await customer.StateWhere(s => Str(s, "state") == "agent", "agent session");
        var session = state!["im_sub_session_id"]!.GetValue<long>();

        var original = await Accepted(customer.SendMessage("m-once", "only once"));
        var retried = await Accepted(customer.SendMessage("m-once", "only once"));

        Assert.Equal(original["seq"]!.GetValue<long>(), retried["seq"]!.GetValue<long>());
        Assert.True(retried["duplicate"]!.GetValue<bool>());
        await customer.StateWhere(s => s["pending_udesk_calls"]!.GetValue<int>() == 0, "the outbox drained");
        Assert.Equal(["m-once"], Ids(await journey.Simulator.Session(session), "customer_message_ids"));
    }

    [Fact]
    public async Task A_first_message_sent_right_after_the_session_request_goes_where_the_answer_leads()
    {
        var customer = journey.Customer("eager-customer");

        await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "robot" }));
        await Accepted(customer.SendMessage("m-eager", "hello, anyone?"));

        await customer.StateWhere(s => s["pending_udesk_calls"]!.GetValue<int>() == 0, "the outbox drained");
        var delivered = (await journey.Simulator.DeliveredMessages()).Single(b => Str(b, "message_id") == "m-eager");
        Assert.Equal(0, delivered["im_sub_session_id"]!.GetValue<long>());
        Assert.Equal("robot", Str((await customer.State())!, "state"));
    }

    internal static async Task AssertNoViolations(Journey journey)
    {
        var violations = await journey.Simulator.Violations();
        Assert.Equal(0, violations["company_budget"]!.GetValue<int>());
        Assert.Equal(0, violations["preview"]!.GetValue<int>());
        Assert.Equal(0, violations["structured_message"]!.GetValue<int>());
    }

    internal static string? Str(JsonObject node, string name) => node[name]?.GetValue<string>();

    internal static IReadOnlyList<string> Ids(JsonObject node, string name) => node[name]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
}
