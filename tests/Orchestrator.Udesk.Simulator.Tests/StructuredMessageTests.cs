using System.Text.Json.Nodes;
using Orchestrator.Udesk.Simulator.Tests.Support;
using Orchestrator.Udesk.StructuredMessages;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>Structured messages: signed with the KEY (MD5), answered with <c>status</c>, pushed as <c>struct</c>.</summary>
public sealed class StructuredMessageTests
{
    [Fact]
    public async Task The_spec_example_card_is_pushed_to_the_customer_as_a_struct_message()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c", 398);
        var customerId = sim.Server.World.Session(session.ImSubSessionId)!.CustomerId;

        var sent = await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", Fixture.Text("request-struct-message.json"), sim.StructuredQuery(session.ImSubSessionId, customerId, 398));

        JsonShape.Of(@fixed: ["status", "message"]).AssertMatches(Fixture.Json("response-struct-message.json"), sent.Json);
        await Eventually.True(() => sim.Receiver.Delivered.Count == 2, "the card is pushed");
        var push = sim.Receiver.Delivered[1];
        Assert.Equal(["struct"], push.Types());
        Assert.True(JsonNode.DeepEquals(Fixture.Json("request-struct-message.json")["data"], push.Message(0)["data"]));
        Assert.Equal(398, push.Message(0)["agent_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_wrong_key_a_stale_timestamp_or_the_spec_illustrative_sign_is_refused_with_status_2059()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c");
        var customerId = sim.Server.World.Session(session.ImSubSessionId)!.CustomerId;
        var body = Fixture.Text("request-struct-message.json");

        var wrongKey = await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", body, sim.StructuredQuery(session.ImSubSessionId, customerId, 397, key: "708ff6dc-41d5-4med-9ebc-0388zz9d76f1"));
        var stale = await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", body, sim.StructuredQuery(session.ImSubSessionId, customerId, 397, DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds()));
        var literal = await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", body, "im_sub_session_id=1&customer_id=1&agent_id=1&timestamp=1494814031&sign=129da7df812jdfsa9912jfdadf81");

        Assert.All(new[] { wrongKey, stale, literal }, answer => Assert.Equal((200, 2059), (answer.Status, answer.Json!["status"]!.GetValue<int>())));
        Assert.Empty(sim.Server.RateLimits.Violations);
    }

    [Fact]
    public async Task A_card_must_name_the_sessions_customer_and_agent_and_be_complete()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(time: clock);
        var session = await sim.AgentSessionAsync("c", 397);
        var customerId = sim.Server.World.Session(session.ImSubSessionId)!.CustomerId;
        var card = new StructuredMessage("T", "D", "https://x/1.png", [new StructuredMessageButton("link", "Visit", "https://www.udesk.cn")]);

        var wrongAgent = await sim.Client.SendStructuredMessageAsync(new StructuredMessageRequest(session.ImSubSessionId, customerId, 398, card));
        clock.Advance(TimeSpan.FromSeconds(2));
        var noButtons = await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", """{"data":{"title":"T","description":"D","img_url":"https://x/1.png"}}""", sim.StructuredQuery(session.ImSubSessionId, customerId, 397));
        clock.Advance(TimeSpan.FromSeconds(2));
        var badButton = await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", """{"data":{"title":"T","description":"D","img_url":"https://x/1.png","buttons":[{"type":"email","text":"x","value":"y"}]}}""", sim.StructuredQuery(session.ImSubSessionId, customerId, 397));

        Assert.Equal(2062, wrongAgent.Error?.Code);
        Assert.Equal(2062, noButtons.Json!["status"]!.GetValue<int>());
        Assert.Contains("buttons", noButtons.Json["message"]!.ToString());
        Assert.Equal(2062, badButton.Json!["status"]!.GetValue<int>());
    }
}
