using System.Text.Json;
using Orchestrator.Udesk.Simulator.Tests.Support;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>The effects view (<c>GET /_sim/effects</c>, <c>UdeskSimulatorServer.Effects</c>): what the world did, counted as it happened.</summary>
public sealed class EffectsTests
{
    [Fact]
    public async Task Every_kind_of_effect_is_counted_per_customer_and_served_over_http_as_in_process()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("a");
        await sim.SendAsync(HttpMethod.Post, "im/messages", QuirksTests.TextMessage("a", session.ImSubSessionId, "m-1"));
        await sim.SendAsync(HttpMethod.Post, "im/messages", QuirksTests.TextMessage("a", session.ImSubSessionId, "m-1"));
        var customerId = sim.Server.World.Session(session.ImSubSessionId)!.CustomerId;
        await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", Fixture.Text("request-struct-message.json"), sim.StructuredQuery(session.ImSubSessionId, customerId, 397));
        await sim.SendAsync(HttpMethod.Delete, $"im/sessions/{session.ImSubSessionId}");
        await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"r","assign_type":"robot"}""");
        var urobot = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"u","assign_type":"urobot","robot_id":12362,"scene_id":39}""");
        var urobotSession = urobot.Json!["assign_info"]!["sessionId"]!.GetValue<long>();
        await sim.SendAsync(HttpMethod.Post, "im/sessions/transfer_survey", JsonSerializer.Serialize(new { im_sub_session_id = urobotSession, robot_id = 12362, scene_id = 39 }));
        await sim.ControlAsync(HttpMethod.Put, "agents/398", new { capacity = 0 });
        var queued = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"q","agent_id":398}""");
        await sim.SendAsync(HttpMethod.Delete, "im/sessions/close_queue", JsonSerializer.Serialize(new { customer_token = "q", queue = queued.Json!["assign_info"]!["queue"]!.ToString() }));

        var effects = sim.Server.Effects;
        var a = effects["a"];
        Assert.Equal([new CreatedSessionView(session.ImSubSessionId, "agent")], a.SessionsCreated);
        Assert.Equal(new Dictionary<string, int> { ["m-1"] = 1 }, a.CustomerMessages);
        Assert.Equal((1, 0), (a.StructuredMessages, a.TransferSurveys));
        Assert.Equal([session.ImSubSessionId], a.Closes);
        Assert.Equal([new CreatedSessionView(null, "robot")], effects["r"].SessionsCreated);
        Assert.Equal([new CreatedSessionView(urobotSession, "urobot")], effects["u"].SessionsCreated);
        Assert.Equal(1, effects["u"].TransferSurveys);
        Assert.Equal(["queue:company:1:agent:398"], effects["q"].QueueAbandons);
        Assert.Empty(effects["q"].SessionsCreated);
        Assert.Same(CustomerEffectsView.None, sim.Server.World.EffectsOf("nobody"));

        var http = await sim.ControlAsync(HttpMethod.Get, "effects");
        Assert.Equal(session.ImSubSessionId, http!["a"]!["sessions_created"]![0]!["id"]!.GetValue<long>());
        Assert.Equal("agent", http["a"]!["sessions_created"]![0]!["assign_type"]!.ToString());
        Assert.Equal(1, http["a"]!["customer_messages"]!["m-1"]!.GetValue<int>());
        Assert.Equal((1, 0), (http["a"]!["structured_messages"]!.GetValue<int>(), http["a"]!["transfer_surveys"]!.GetValue<int>()));
        Assert.Equal(session.ImSubSessionId, http["a"]!["closes"]![0]!.GetValue<long>());
        Assert.Equal("queue:company:1:agent:398", http["q"]!["queue_abandons"]![0]!.ToString());
        var one = await sim.ControlAsync(HttpMethod.Get, "effects/u");
        Assert.Equal(1, one!["transfer_surveys"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_call_executed_then_answered_5xx_counts_once_and_its_repeat_counts_again()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(time: clock);
        var session = await sim.AgentSessionAsync("a");
        var customerId = sim.Server.World.Session(session.ImSubSessionId)!.CustomerId;
        await sim.ControlAsync(HttpMethod.Put, "faults", new { api_error_after_handling_rate = 1.0 });

        var lostMessage = await sim.SendAsync(HttpMethod.Post, "im/messages", QuirksTests.TextMessage("a", session.ImSubSessionId, "m-1"));
        var lostCard = await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", Fixture.Text("request-struct-message.json"), sim.StructuredQuery(session.ImSubSessionId, customerId, 397));
        var afterFailures = sim.Server.World.EffectsOf("a");
        await sim.ControlAsync(HttpMethod.Put, "faults", new { api_error_after_handling_rate = 0.0 });
        clock.Advance(TimeSpan.FromSeconds(2));
        await sim.SendAsync(HttpMethod.Post, "im/messages", QuirksTests.TextMessage("a", session.ImSubSessionId, "m-1"));
        await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", Fixture.Text("request-struct-message.json"), sim.StructuredQuery(session.ImSubSessionId, customerId, 397));
        var afterRepeats = sim.Server.World.EffectsOf("a");

        Assert.Equal((503, 503), (lostMessage.Status, lostCard.Status));
        Assert.Equal((1, 1), (afterFailures.CustomerMessages["m-1"], afterFailures.StructuredMessages));
        // Udesk drops the repeated message id; the repeated card is a second card.
        Assert.Equal((1, 2), (afterRepeats.CustomerMessages["m-1"], afterRepeats.StructuredMessages));
        Assert.Single(afterRepeats.SessionsCreated);
    }

    [Fact]
    public async Task Reset_clears_the_effects()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.AgentSessionAsync("a");

        await sim.ControlAsync(HttpMethod.Post, "reset");

        Assert.Empty(sim.Server.Effects);
        Assert.Empty((await sim.ControlAsync(HttpMethod.Get, "effects"))!.AsObject());
    }
}
