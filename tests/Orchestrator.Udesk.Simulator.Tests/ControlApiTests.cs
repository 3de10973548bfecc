using System.Text.Json.Nodes;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Simulator.Tests.Support;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>The <c>/_sim/</c> routes, over HTTP, as docs/simulator.md describes them.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task State_shows_the_seed_and_the_default_world()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var state = await sim.ControlAsync(HttpMethod.Get, "state");

        Assert.Equal(42, state!["seed"]!.GetValue<int>());
        Assert.Equal(sim.Receiver.Url.ToString(), state["push_url"]!.ToString());
        Assert.Equal([397L, 398, 399], state["agents"]!.AsArray().Select(a => a!["id"]!.GetValue<long>()));
        Assert.Equal(["Sales", "Support"], state["groups"]!.AsArray().Select(g => g!["name"]!.ToString()));
        Assert.All(state["agents"]!.AsArray(), a => Assert.Equal(("online", 2, 0), (a!["status"]!.ToString(), a["capacity"]!.GetValue<int>(), a["active_sessions"]!.GetValue<int>())));
        Assert.Empty(state["sessions"]!.AsArray());
        Assert.Empty(state["queue"]!.AsArray());
        Assert.Equal(0, state["violations"]!["company_budget"]!.GetValue<int>());
    }

    [Fact]
    public async Task Agent_status_and_capacity_decide_assignment()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var tom = await sim.ControlAsync(HttpMethod.Put, "agents/397", new { capacity = 0 });
        await sim.ControlAsync(HttpMethod.Put, "agents/398", new { status = "busy", custom_status = "meeting" });
        await sim.ControlAsync(HttpMethod.Put, "agents/399", new { status = "offline" });
        var queued = await sim.QueuedAsync(new CreateSessionRequest("c") { GroupId = 37540 });
        var offline = (await sim.Client.CreateSessionAsync(new CreateSessionRequest("d") { AgentId = 399 })).GetValueOrThrow();
        var agents = await sim.ControlAsync(HttpMethod.Get, "agents");
        await sim.ControlAsync(HttpMethod.Put, "agents/398", new { status = "online" });

        Assert.Equal(0, tom!["capacity"]!.GetValue<int>());
        Assert.Equal((1, "queue:company:1:group:37540"), (queued.Position, queued.Queue));
        Assert.Equal(2002, offline.Code);
        Assert.Equal(["online", "busy", "offline"], agents!.AsArray().Select(a => a!["status"]!.ToString()));
        Assert.Equal("meeting", agents[1]!["custom_status"]!.ToString());
        var session = sim.Server.World.OpenSessionOf("c");
        Assert.Equal((398L, 37540L), (session!.AgentId, session.GroupId!.Value));
        Assert.Empty((await sim.ControlAsync(HttpMethod.Get, "queue"))!.AsArray());
    }

    [Fact]
    public async Task Bad_agent_changes_are_refused()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        await sim.ControlAsync(HttpMethod.Put, "agents/12345", new { status = "online" }, expectedStatus: 404);
        await sim.ControlAsync(HttpMethod.Put, "agents/397", new { status = "sleepy" }, expectedStatus: 400);
        await sim.ControlAsync(HttpMethod.Put, "agents/397", new { capacity = -1 }, expectedStatus: 400);
        await sim.ControlAsync(HttpMethod.Put, "agents/397", new { colour = "blue" }, expectedStatus: 400);
        await sim.ControlAsync(HttpMethod.Get, "sessions/12345", expectedStatus: 404);
    }

    [Fact]
    public async Task An_agent_replies_with_text_or_with_any_type_and_data()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c");

        var text = await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/reply", new { content = "How can I help?" });
        var audio = await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/reply", new
        {
            type = "audio",
            data = new { content = "https://x/1.amr", filename = "voice.amr", filesize = "4.3M", duration = 200 },
        });
        var invisible = await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/reply", new { type = "info_transfer", content = "Customer service Jerry213 transfers the session" });

        await Eventually.True(() => sim.Receiver.Delivered.Count == 4, "the replies are pushed");
        var pushes = sim.Receiver.Delivered.Skip(1).ToList();
        Assert.Equal([["message"], ["audio"], ["info_transfer"]], pushes.Select(p => p.Types()));
        Assert.Equal(
            [text!["message_id"]!.ToString(), audio!["message_id"]!.ToString(), invisible!["message_id"]!.ToString()],
            pushes.Select(p => p.Message(0)["message_id"]!.ToString()));
        Assert.Equal("How can I help?", pushes[0].Message(0)["data"]!["content"]!.ToString());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"content":"https://x/1.amr","filename":"voice.amr","filesize":"4.3M","duration":200}"""),
            pushes[1].Message(0)["data"]));
        var view = await sim.ControlAsync(HttpMethod.Get, $"sessions/{session.ImSubSessionId}");
        Assert.Equal(5, view!["agent_message_ids"]!.AsArray().Count);
    }

    [Fact]
    public async Task Replies_to_closed_or_unknown_sessions_are_refused()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c");
        sim.Server.World.Close(session.ImSubSessionId);

        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/reply", new { content = "late" }, expectedStatus: 409);
        await sim.ControlAsync(HttpMethod.Post, "sessions/999/reply", new { content = "nobody" }, expectedStatus: 404);
        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/reply", "not an object", expectedStatus: 400);
    }

    [Fact]
    public async Task The_agent_reading_pushes_a_read_status_once()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c");
        await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.AgentSession(session.ImSubSessionId), "c-1", new MessageContent { Content = "hi" }));

        var first = await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/read");
        var second = await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/read");

        Assert.Equal(["c-1"], first!["message_ids"]!.AsArray().Select(i => i!.ToString()));
        Assert.Empty(second!["message_ids"]!.AsArray());
        await Eventually.True(() => sim.Receiver.Delivered.Count == 2, "the read status is pushed");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"session_id":{{session.ImSubSessionId}},"message_ids":["c-1"]}"""), sim.Receiver.Delivered[1].Json));
    }

    [Fact]
    public async Task The_logs_list_calls_and_push_attempts_with_their_outcomes_after_a_cursor()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Receiver.FailNext(1);
        await sim.SendAsync(HttpMethod.Get, "im/urobots", query: sim.SignedQuery(token: "wrong"));
        await sim.AgentSessionAsync("c");
        await Eventually.True(() => sim.Receiver.Delivered.Count == 1, "the push gets through");

        var calls = (await sim.ControlAsync(HttpMethod.Get, "log/calls"))!.AsArray();
        var pushes = (await sim.ControlAsync(HttpMethod.Get, "log/pushes"))!.AsArray();
        var cursor = calls[0]!["sequence"]!.GetValue<long>();
        var later = (await sim.ControlAsync(HttpMethod.Get, $"log/calls?since={cursor}"))!.AsArray();

        Assert.Equal(
            [("/open_api_v1/im/urobots", 200, 2059, "auth_failed"), ("/open_api_v1/im/sessions", 200, 1000, "handled")],
            calls.Select(c => (c!["path"]!.ToString(), c["http_status"]!.GetValue<int>(), c["code"]!.GetValue<int>(), c["outcome"]!.ToString())));
        Assert.Contains("\"customer_token\":\"c\"", calls[1]!["body"]!.ToString());
        Assert.Equal(
            [("failed", 1, 500), ("delivered", 2, 200)],
            pushes.Select(p => (p!["outcome"]!.ToString(), p["attempt"]!.GetValue<int>(), p["http_status"]!.GetValue<int>())));
        Assert.Equal(("c", "agent", sim.Receiver.Url.ToString()), (pushes[1]!["ordering_key"]!.ToString(), pushes[1]!["kind"]!.ToString(), pushes[1]!["url"]!.ToString()));
        Assert.Equal(sim.Receiver.Delivered[0].Body, pushes[1]!["body"]!.ToString());
        Assert.Equal(["/open_api_v1/im/sessions"], later.Select(c => c!["path"]!.ToString()));
    }

    [Fact]
    public async Task Reset_returns_to_the_configured_world_with_empty_logs()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "agents/397", new { status = "offline" });
        await sim.AgentSessionAsync("c", 398);
        await sim.Client.CreateSessionAsync(new CreateSessionRequest("u") { AssignType = AssignType.Urobot, RobotId = 12362, SceneId = 39 });
        await sim.ControlAsync(HttpMethod.Put, "push", new { url = "http://127.0.0.1:9/elsewhere" });
        await sim.ControlAsync(HttpMethod.Put, "faults", new { duplicate_rate = 1.0 });
        var nonce = Guid.NewGuid().ToString();
        await sim.SendAsync(HttpMethod.Get, "im/urobots", query: sim.SignedQuery(nonce));

        var reset = await sim.ControlAsync(HttpMethod.Post, "reset", new { seed = 5 });
        var state = await sim.ControlAsync(HttpMethod.Get, "state");
        var sameNonce = await sim.SendAsync(HttpMethod.Get, "im/urobots", query: sim.SignedQuery(nonce));

        Assert.Equal(5, reset!["seed"]!.GetValue<int>());
        Assert.Equal(5, state!["seed"]!.GetValue<int>());
        Assert.Equal(sim.Receiver.Url.ToString(), state["push_url"]!.ToString());
        Assert.All(state["agents"]!.AsArray(), a => Assert.Equal(("online", 0), (a!["status"]!.ToString(), a["active_sessions"]!.GetValue<int>())));
        Assert.Empty(state["customers"]!.AsArray());
        Assert.Empty(state["sessions"]!.AsArray());
        Assert.Empty(state["urobot_sessions"]!.AsArray());
        Assert.Equal(0.0, (await sim.ControlAsync(HttpMethod.Get, "faults"))!["duplicate_rate"]!.GetValue<double>());
        Assert.Equal(1000, sameNonce.Code);
        Assert.Equal(["/open_api_v1/im/urobots"], sim.Server.Log.Calls.Select(c => c.Path));
        Assert.Empty(sim.Server.Log.Pushes);
    }

    [Fact]
    public async Task Queue_and_urobot_sessions_are_listed()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "agents/399", new { capacity = 0 });
        await sim.QueuedAsync(new CreateSessionRequest("q1") { AgentId = 399 });
        await sim.QueuedAsync(new CreateSessionRequest("q2") { AgentId = 399 });
        var urobot = (await sim.Client.CreateSessionAsync(new CreateSessionRequest("u") { AssignType = AssignType.Urobot, RobotId = 12362, SceneId = 39 })).GetValueOrThrow();

        var queue = (await sim.ControlAsync(HttpMethod.Get, "queue"))!.AsArray();
        var urobots = (await sim.ControlAsync(HttpMethod.Get, "urobot_sessions"))!.AsArray();

        Assert.Equal([("q1", 1), ("q2", 2)], queue.Select(e => (e!["customer_token"]!.ToString(), e["position"]!.GetValue<int>())));
        Assert.All(queue, e => Assert.Equal("queue:company:1:agent:399", e!["queue_name"]!.ToString()));
        var only = Assert.Single(urobots)!;
        Assert.Equal((urobot.AssignInfo!.SessionId!.Value, "u", 12362L, 39L), (only["session_id"]!.GetValue<long>(), only["customer_token"]!.ToString(), only["robot_id"]!.GetValue<long>(), only["scene_id"]!.GetValue<long>()));
    }
}
