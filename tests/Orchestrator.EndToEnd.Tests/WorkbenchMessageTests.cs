using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>A message left on Udesk's IM workbench (-2), for an agent, whatever the conversation's state.</summary>
public sealed class WorkbenchMessageTests(Journey journey) : IClassFixture<Journey>
{
    [Fact]
    public async Task A_workbench_message_reaches_udesk_as_minus_2_with_its_agent_and_is_reported_delivered()
    {
        var customer = journey.Customer("leaves-a-message");

        await PlatformApi.Accepted(journey.Orchestrator.Http.PostAsJsonAsync($"v1/conversations/{customer.CustomerToken}/messages", new JsonObject
        {
            ["message_id"] = "left-1",
            ["type"] = "message",
            ["data"] = new JsonObject { ["content"] = "please call me back" },
            ["to"] = "workbench",
            ["agent_id"] = 397,
        }));

        var delivered = await Eventually.Until(journey.Simulator.DeliveredMessages, m => m.Any(b => Str(b, "message_id") == "left-1"), "left-1 at Udesk");
        var atUdesk = delivered.Single(b => Str(b, "message_id") == "left-1");
        Assert.Equal((-2L, 397L), (atUdesk["im_sub_session_id"]!.GetValue<long>(), atUdesk["agent_id"]!.GetValue<long>()));
        var feed = await Eventually.Until(
            async () => (await customer.Events())["events"]!.AsArray().Select(e => Str(e!.AsObject(), "type")).ToList(),
            types => types.Contains("customer_message_delivered"),
            "left-1 reported delivered");
        Assert.Equal(["customer_message", "customer_message_delivered"], feed);
    }

    [Theory]
    [InlineData("{\"message_id\":\"x\",\"type\":\"message\",\"data\":{\"content\":\"x\"},\"to\":\"agent\"}", "to")]
    [InlineData("{\"message_id\":\"x\",\"type\":\"message\",\"data\":{\"content\":\"x\"},\"agent_id\":397}", "agent_id")]
    public async Task A_bad_destination_is_a_400_naming_the_field(string body, string field)
    {
        using var response = await journey.Orchestrator.Http.PostAsync(
            "v1/conversations/bad-destination/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.Null(await journey.Customer("bad-destination").State());
    }
}
