using System.Net.Http.Headers;
using System.Text;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Simulator.Tests.Support;
using Orchestrator.Udesk.Status;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>Waiting for an agent: 2001 with positions that move, status answers that agree with the world.</summary>
public sealed class QueueTests
{
    [Fact]
    public async Task Positions_move_up_as_agents_free_up_through_the_control_api()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        foreach (var agent in new[] { 397, 398, 399 })
        {
            await sim.ControlAsync(HttpMethod.Put, $"agents/{agent}", new { capacity = 1 });
        }

        var serving = new List<long>();
        foreach (var customer in new[] { "s1", "s2", "s3" })
        {
            var outcome = (await sim.Client.CreateSessionAsync(new CreateSessionRequest(customer) { AssignType = AssignType.Agent })).GetValueOrThrow().Outcome;
            serving.Add(Assert.IsType<SessionAssignment.Agent>(outcome).ImSubSessionId);
        }

        var positions = new List<(int, string?)>();
        foreach (var customer in new[] { "w1", "w2", "w3" })
        {
            var queued = await sim.QueuedAsync(new CreateSessionRequest(customer) { AssignType = AssignType.Agent });
            positions.Add((queued.Position, queued.Queue));
        }

        Assert.Equal([(1, "queue:company:1:company"), (2, "queue:company:1:company"), (3, "queue:company:1:company")], positions);
        Assert.Equal([2, 2, 2], await StatusCodes(sim, "w1", "w2", "w3"));

        await sim.ControlAsync(HttpMethod.Post, $"sessions/{serving[1]}/close", new { close_type = "normal" });

        Assert.Equal([("In session", 0), ("In queue", 1), ("In queue", 2)], await QueueStatuses(sim, "w1", "w2", "w3"));
        Assert.Equal([1, 2, 2], await StatusCodes(sim, "w1", "w2", "w3"));
        Assert.Equal(sim.Server.World.Session(serving[1])!.AgentId, sim.Server.World.OpenSessionOf("w1")!.AgentId);
        Assert.Equal(1, (await sim.QueuedAsync(new CreateSessionRequest("w2") { AssignType = AssignType.Agent })).Position);

        await sim.ControlAsync(HttpMethod.Put, "agents/399", new { capacity = 3 });

        Assert.Equal([("In session", 0), ("In session", 0), ("In session", 0)], await QueueStatuses(sim, "w1", "w2", "w3"));
        Assert.Equal(3, sim.Server.World.Agents.Single(a => a.Id == 399).ActiveSessions);
        Assert.Empty(sim.Server.World.Queue);
    }

    [Fact]
    public async Task Each_queue_counts_its_own_positions()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "agents/397", new { capacity = 0 });
        await sim.ControlAsync(HttpMethod.Put, "agents/398", new { capacity = 0 });

        var forTom = await sim.QueuedAsync(new CreateSessionRequest("a") { AgentId = 397 });
        var forSales = await sim.QueuedAsync(new CreateSessionRequest("b") { GroupId = 37540 });
        var forTomToo = await sim.QueuedAsync(new CreateSessionRequest("c") { AgentId = 397 });

        Assert.Equal([(1, "queue:company:1:agent:397"), (1, "queue:company:1:group:37540"), (2, "queue:company:1:agent:397")], new[] { forTom, forSales, forTomToo }.Select(q => (q.Position, q.Queue)));

        // Jerry is in Sales, not Tom: only the group's customer can have him.
        await sim.ControlAsync(HttpMethod.Put, "agents/398", new { capacity = 2 });

        Assert.Equal(398, sim.Server.World.OpenSessionOf("b")!.AgentId);
        Assert.Equal([("In queue", 1), ("In queue", 2)], await QueueStatuses(sim, "a", "c"));
    }

    [Fact]
    public async Task Messages_sent_while_queued_are_handed_to_the_agent_on_assignment()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "agents/399", new { capacity = 0 });
        await sim.QueuedAsync(new CreateSessionRequest("c") { AgentId = 399 });

        var whileQueued = await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Queued(), "q-1", new MessageContent { Content = "still there?" }));
        var notQueued = await sim.Client.SendMessageAsync(new SendMessageRequest("nobody", new MessageTarget.Queued(), "q-2", new MessageContent { Content = "hello?" }));
        await sim.ControlAsync(HttpMethod.Put, "agents/399", new { capacity = 1 });

        Assert.True(whileQueued.IsSuccess, whileQueued.ToString());
        Assert.Equal(9200, notQueued.Error?.Code);
        var session = sim.Server.World.OpenSessionOf("c")!;
        Assert.Equal(["q-1"], session.CustomerMessageIds);
        Assert.Equal(1, session.UnreadByAgent);
        await Eventually.True(() => sim.Receiver.DeliveredTo("c").Count == 1, "the session is pushed");
        Assert.Equal(["start_session", "message"], sim.Receiver.DeliveredTo("c")[0].Types());
    }

    [Fact]
    public async Task A_group_whose_agents_are_all_offline_answers_2002()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "agents/398", new { status = "offline" });
        await sim.ControlAsync(HttpMethod.Put, "agents/399", new { status = "offline" });

        var support = (await sim.Client.CreateSessionAsync(new CreateSessionRequest("c") { GroupId = 37541 })).GetValueOrThrow();
        var sales = (await sim.Client.CreateSessionAsync(new CreateSessionRequest("d") { GroupId = 37540 })).GetValueOrThrow();

        Assert.IsType<SessionAssignment.NoAgentOnline>(support.Outcome);
        Assert.Equal("There is no customer service online at the moment", support.Message);
        Assert.Equal(397, Assert.IsType<SessionAssignment.Agent>(sales.Outcome).AgentId);
        Assert.Equal(("Not in queue", 0), (await QueueStatuses(sim, "c"))[0]);
    }

    [Fact]
    public async Task The_spec_examples_of_queue_status_customer_status_and_abandoning_work_as_written()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "agents/397", new { capacity = 0 });
        var queued = await sim.SendAsync(HttpMethod.Post, "im/sessions", Fixture.Text("request-create-session-agent.json"));
        const string token = "827wd5r9-7a61-4afe-9efe-2c071d0e9cb2";

        var unknown = await sim.SendAsync(HttpMethod.Get, "im/queue_status?customer_token=1234121123123");
        var customer = await sim.SendAsync(HttpMethod.Get, "im/customer_status?customer_token=1234121123123&session_key=179306259");
        var inQueue = await sim.SendAsync(HttpMethod.Get, $"im/queue_status?customer_token={token}");
        var wrongQueue = await sim.SendAsync(HttpMethod.Delete, $"im/sessions/close_queue?customer_token={token}&queue=queue:company:1:agent:486");
        var abandon = await sim.SendAsync(HttpMethod.Delete, $"im/sessions/close_queue?customer_token={token}&queue={queued.Json!["assign_info"]!["queue"]}");
        var after = await sim.SendAsync(HttpMethod.Get, $"im/queue_status?customer_token={token}");

        Assert.Equal((2001, 1, "queue:company:1:agent:397"), (queued.Code, queued.Json["assign_info"]!["count"]!.GetValue<int>(), queued.Json["assign_info"]!["queue"]!.ToString()));
        JsonShape.Of(@fixed: ["code", "status", "count"]).AssertMatches(Fixture.Json("response-queue-status.json"), unknown.Json);
        // The customer never reached Udesk, so it is not "No session" but an invalid customer.
        JsonShape.Of(@fixed: ["code"]).AssertMatches(Fixture.Json("response-customer-status.json"), customer.Json);
        Assert.Equal((3, "Invalid customer"), (customer.Json!["status_code"]!.GetValue<int>(), customer.Json["status"]!.ToString()));
        Assert.Equal(("In queue", 1), (inQueue.Json!["status"]!.ToString(), inQueue.Json["count"]!.GetValue<int>()));
        Assert.Equal(2062, wrongQueue.Code);
        Assert.Equal(1000, abandon.Code);
        Assert.Equal("Not in queue", after.Json!["status"]!.ToString());
    }

    [Fact]
    public async Task The_abandoned_queue_list_answers_the_spec_example_and_refuses_a_json_content_type()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "agents/397", new { capacity = 0 });
        var queued = await sim.QueuedAsync(new CreateSessionRequest("c") { AgentId = 397 });
        await sim.Client.AbandonQueueAsync("c", queued.Queue!);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var literal = await sim.SendAsync(HttpMethod.Get, "im/im_queues?start_time=2019-02-10&end_time=2019-02-15");
        var listed = await sim.SendAsync(HttpMethod.Get, $"im/im_queues?start_time={today}&end_time={today}");
        using var withJson = new HttpRequestMessage(HttpMethod.Get, $"open_api_v1/im/im_queues?start_time={today}&end_time={today}&{sim.SignedQuery()}")
        {
            Content = new StringContent("", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        using var refused = await sim.Http.SendAsync(withJson);

        Assert.Equal(1000, literal.Code);
        Assert.Empty(literal.Json!["shut_queues"]!.AsArray());
        var entry = Assert.Single(listed.Json!["shut_queues"]!.AsArray())!;
        Assert.Equal(("api", queued.Queue), (entry["channel"]!.ToString(), entry["queue_name"]!.ToString()));
        Assert.Equal("API Anonymous User(c)", entry["customer_name"]!["nick_name"]!.ToString());
        Assert.Equal((1, 1, 1), (listed.Json["meta"]!["current_page"]!.GetValue<int>(), listed.Json["meta"]!["total_pages"]!.GetValue<int>(), listed.Json["meta"]!["count"]!.GetValue<int>()));
        Assert.Equal(2062, Fixture.Parse(await refused.Content.ReadAsStringAsync())["code"]!.GetValue<int>());
    }

    private static async Task<IReadOnlyList<(string?, int?)>> QueueStatuses(SimulatorHarness sim, params string[] customers)
    {
        var statuses = new List<(string?, int?)>();
        foreach (var customer in customers)
        {
            var status = (await sim.Client.GetQueueStatusAsync(customer)).GetValueOrThrow();
            statuses.Add((status.Status, status.Count));
        }

        return statuses;
    }

    private static async Task<IReadOnlyList<int?>> StatusCodes(SimulatorHarness sim, params string[] customers)
    {
        var codes = new List<int?>();
        foreach (var customer in customers)
        {
            codes.Add((await sim.Client.GetCustomerStatusAsync(CustomerStatusQuery.ByCustomerToken(customer))).GetValueOrThrow().StatusCode);
        }

        return codes;
    }
}
