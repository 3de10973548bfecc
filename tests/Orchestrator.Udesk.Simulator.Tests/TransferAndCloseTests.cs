using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Pushes;
using Orchestrator.Udesk.Simulator.Tests.Support;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>Agents transferring and closing sessions through the control API, as a tester would drive them.</summary>
public sealed class TransferAndCloseTests
{
    [Fact]
    public async Task A_transfer_to_an_agent_pushes_transfer_then_the_text_with_a_new_session_id()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c", 397);

        var next = await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/transfer", new { agent_id = 398 });

        var newId = next!["id"]!.GetValue<long>();
        Assert.NotEqual(session.ImSubSessionId, newId);
        Assert.Equal((398, true), (next["agent_id"]!.GetValue<long>(), next["open"]!.GetValue<bool>()));
        await Eventually.True(() => sim.Receiver.DeliveredTo("c").Count == 2, "the transfer is pushed");
        var push = sim.Receiver.DeliveredTo("c")[1];
        Assert.Equal(["transfer", "message"], push.Types());
        Assert.Equal([newId, newId], push.SessionIds());
        Assert.Equal(("Session transfer", "Session transfer successful, customer service Jerry is serving you"), (push.Message(0)["data"]!["content"]!.ToString(), push.Message(1)["data"]!["content"]!.ToString()));
        Assert.All(push.Json["messages"]!.AsArray(), m => Assert.Equal(398, m!["agent_id"]!.GetValue<long>()));

        var old = await sim.ControlAsync(HttpMethod.Get, $"sessions/{session.ImSubSessionId}");
        Assert.Equal((false, "transfer", newId), (old!["open"]!.GetValue<bool>(), old["close_type"]!.ToString(), old["transferred_to"]!.GetValue<long>()));
        Assert.Equal([0, 1, 0], sim.Server.World.Agents.Select(a => a.ActiveSessions));

        var parsed = Assert.IsType<ReplyNotification>(UdeskPushParser.Parse(System.Text.Encoding.UTF8.GetBytes(push.Body)));
        Assert.All(parsed.Messages.Cast<AgentReplyMessage>(), m => Assert.Equal(newId, m.ImSubSessionId));
    }

    [Fact]
    public async Task After_a_transfer_the_customer_writes_to_the_new_session_and_the_old_one_is_closed()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c", 397);
        var newId = (await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/transfer", new { agent_id = 399 }))!["id"]!.GetValue<long>();

        var toOld = await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.AgentSession(session.ImSubSessionId), "m-old", new MessageContent { Content = "hi" }));
        var toNew = await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.AgentSession(newId), "m-new", new MessageContent { Content = "hi" }));

        Assert.Equal(9200, toOld.Error?.Code);
        Assert.True(toNew.IsSuccess, toNew.ToString());
        Assert.Equal(["m-new"], sim.Server.World.Session(newId)!.CustomerMessageIds);
        Assert.Equal(("In session", 0), ((await sim.Client.GetQueueStatusAsync("c")).Value!.Status, (await sim.Client.GetQueueStatusAsync("c")).Value!.Count));
    }

    [Fact]
    public async Task A_transfer_to_a_group_goes_to_a_free_agent_of_that_group()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c", 398);

        var next = await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/transfer", new { group_id = 37541 });

        // Support has Jerry (398, the current agent) and Lucy (399).
        Assert.Equal((399, 37541), (next!["agent_id"]!.GetValue<long>(), next["group_id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Impossible_transfers_are_refused_and_change_nothing()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c", 397);
        await sim.ControlAsync(HttpMethod.Put, "agents/399", new { status = "offline" });

        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/transfer", new { agent_id = 397 }, expectedStatus: 409);
        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/transfer", new { agent_id = 399 }, expectedStatus: 409);
        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/transfer", new { agent_id = 12345 }, expectedStatus: 404);
        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/transfer", new { group_id = 1 }, expectedStatus: 404);
        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/transfer", new { }, expectedStatus: 400);
        await sim.ControlAsync(HttpMethod.Post, "sessions/999/transfer", new { agent_id = 398 }, expectedStatus: 404);

        var only = Assert.Single(sim.Server.World.Sessions);
        Assert.True(only.Open);
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("redirect")]
    [InlineData("force")]
    public async Task Each_close_type_is_pushed_with_the_survey_options(string closeType)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c", 397);

        var closed = await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/close", new { close_type = closeType });

        Assert.Equal((false, closeType), (closed!["open"]!.GetValue<bool>(), closed["close_type"]!.ToString()));
        await Eventually.True(() => sim.Receiver.DeliveredTo("c").Count == 2, "the close is pushed");
        var push = sim.Receiver.DeliveredTo("c")[1];
        Assert.Equal(["close"], push.Types());
        Assert.Equal([session.ImSubSessionId], push.SessionIds());
        var data = push.Message(0)["data"]!;
        Assert.Equal((closeType, "Session closed"), (data["close_type"]!.ToString(), data["content"]!.ToString()));
        PushFormatTests.AssertSpecSurveyOptions(data["survey_options"]!);
        Assert.Equal(("No session", 0), ((await sim.Client.GetCustomerStatusAsync(Status.CustomerStatusQuery.ByCustomerToken("c"))).Value!.Status, sim.Server.World.Agents[0].ActiveSessions));
    }

    [Fact]
    public async Task A_close_without_the_survey_carries_no_survey_options_and_the_session_can_still_be_rated()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c", 397);

        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/close", new { close_type = "normal", survey = false });
        var rated = await sim.SendAsync(HttpMethod.Post, "im/sessions/survey", $$"""{"im_sub_session_id":{{session.ImSubSessionId}},"option_id":"38","remark":"ok","resolved_state_v2":0}""");
        var literal = await sim.SendAsync(HttpMethod.Post, "im/sessions/survey", Fixture.Text("request-session-survey.json"));

        await Eventually.True(() => sim.Receiver.DeliveredTo("c").Count == 2, "the close is pushed");
        Assert.Null(sim.Receiver.DeliveredTo("c")[1].Message(0)["data"]!["survey_options"]);
        JsonShape.Of(@fixed: ["code", "message"]).AssertMatches(Fixture.Json("response-feedback.json"), rated.Json);
        Assert.Equal(38, sim.Server.World.Session(session.ImSubSessionId)!.SurveyOptionId);
        // The spec's example names a session that does not exist.
        Assert.Equal(9200, literal.Code);
    }

    [Fact]
    public async Task Bad_closes_are_refused()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c", 397);

        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/close", new { close_type = "gentle" }, expectedStatus: 400);
        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/close", new { close_type = "force" });
        await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/close", new { close_type = "force" }, expectedStatus: 409);
        await sim.ControlAsync(HttpMethod.Post, "sessions/999/close", new { }, expectedStatus: 404);
    }

    [Fact]
    public async Task The_customer_closing_the_session_frees_the_agent_for_the_queue()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "agents/397", new { capacity = 1 });
        var session = await sim.AgentSessionAsync("a", 397);
        await sim.QueuedAsync(new Sessions.CreateSessionRequest("b") { AgentId = 397 });

        var closed = await sim.Client.CloseSessionAsync(session.ImSubSessionId);
        var again = await sim.Client.CloseSessionAsync(session.ImSubSessionId);
        var literal = await sim.SendAsync(HttpMethod.Delete, $"im/sessions/{session.ImSubSessionId}?session_id={session.ImSubSessionId}");

        Assert.True(closed.IsSuccess, closed.ToString());
        Assert.Equal(9200, again.Error?.Code);
        Assert.Equal(9200, literal.Code);
        Assert.Equal("normal", sim.Server.World.Session(session.ImSubSessionId)!.CloseType);
        Assert.Equal(397, sim.Server.World.OpenSessionOf("b")!.AgentId);
    }

    [Fact]
    public async Task Closed_sessions_can_be_deleted_by_creation_time()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var closed = await sim.AgentSessionAsync("a", 397);
        var open = await sim.AgentSessionAsync("b", 398);
        sim.Server.World.Close(closed.ImSubSessionId);
        var now = DateTimeOffset.UtcNow;

        var destroyed = await sim.Client.DestroyClosedSessionsAsync(now.AddHours(-1), now.AddHours(1));
        var literal = await sim.SendAsync(HttpMethod.Delete, "im/sessions/destroy_session?start_time=2022-05-19%2019%3A50%3A33&end_time=2022-05-19%2020%3A50%3A33&customer_id=123123");

        Assert.True(destroyed.IsSuccess, destroyed.ToString());
        Assert.Equal(1000, literal.Code);
        Assert.Equal([open.ImSubSessionId], sim.Server.World.Sessions.Select(s => s.Id));
    }
}
