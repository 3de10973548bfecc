using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Simulator.Tests.Support;
using Orchestrator.Udesk.Simulator.World;
using Orchestrator.Udesk.Status;

namespace Orchestrator.Udesk.Simulator.Tests;

public sealed class AssignmentTests
{
    [Fact]
    public async Task The_robot_is_the_default_assignment()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var result = await sim.Client.CreateSessionAsync(new CreateSessionRequest("c-robot"));

        var robot = Assert.IsType<SessionAssignment.Robot>(result.GetValueOrThrow().Outcome);
        Assert.Equal(sim.Options.World.Robot.Name, robot.Info.RobotName);
        Assert.Equal(sim.Options.World.Robot.UnknownMessage, robot.Info.UnknowMessage);
    }

    [Fact]
    public async Task A_urobot_session_has_a_session_id_and_the_scene_questions()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var result = await sim.Client.CreateSessionAsync(new CreateSessionRequest("c-urobot") { AssignType = AssignType.Urobot, RobotId = 12362, SceneId = 39 });
        var missingScene = await sim.Client.CreateSessionAsync(new CreateSessionRequest("c-urobot") { AssignType = AssignType.Urobot, RobotId = 12362, SceneId = 999 });

        var urobot = Assert.IsType<SessionAssignment.Urobot>(result.GetValueOrThrow().Outcome);
        Assert.Equal(23702, urobot.UrobotSessionId);
        Assert.Equal(["Question 1", "Question 2", "Account appeal"], urobot.Info.TopAsk!.Single().Options!.Select(o => o.Question));
        Assert.Equal(2062, missingScene.Error?.Code);
    }

    [Fact]
    public async Task Agent_id_beats_group_id_which_beats_the_system_rule()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var byAgent = await AssignedAgent(sim, new CreateSessionRequest("a") { AgentId = 399, GroupId = 37540, AssignType = AssignType.Robot });
        var byGroup = await AssignedAgent(sim, new CreateSessionRequest("b") { GroupId = 37540, AssignType = AssignType.Robot });

        Assert.Equal(399, byAgent.AgentId);
        Assert.Contains(byGroup.AgentId!.Value, new long[] { 397, 398 });
        Assert.Equal(37540, sim.Server.World.Session(byGroup.ImSubSessionId)!.GroupId);
    }

    [Fact]
    public async Task The_system_rule_gives_each_customer_the_least_loaded_agent()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var agents = new List<long>();
        foreach (var customer in new[] { "a", "b", "c" })
        {
            agents.Add((await AssignedAgent(sim, new CreateSessionRequest(customer) { AssignType = AssignType.Agent })).AgentId!.Value);
        }

        Assert.Equal([397, 398, 399], agents.Order());
        Assert.All(sim.Server.World.Agents, a => Assert.Equal(1, a.ActiveSessions));
    }

    [Fact]
    public async Task A_customer_with_a_session_gets_the_same_session_again()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var first = await AssignedAgent(sim, new CreateSessionRequest("a") { AssignType = AssignType.Agent });
        var again = await AssignedAgent(sim, new CreateSessionRequest("a") { AssignType = AssignType.Agent });

        Assert.Equal(first.ImSubSessionId, again.ImSubSessionId);
        Assert.Single(sim.Server.World.Sessions);
    }

    [Fact]
    public async Task Customers_queue_with_2001_and_move_up_as_the_agent_frees_up()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var world = sim.Server.World;
        world.SetAgent(397, capacity: 1);
        var served = await AssignedAgent(sim, new CreateSessionRequest("a") { AgentId = 397 });

        var second = await Queued(sim, "b");
        var third = await Queued(sim, "c");

        Assert.Equal((1, "queue:company:1:agent:397"), (second.Position, second.Queue));
        Assert.Equal(2, third.Position);
        Assert.Equal(("In queue", 2), await QueueStatus(sim, "c"));
        Assert.Equal(2, (await sim.Client.GetCustomerStatusAsync(CustomerStatusQuery.ByCustomerToken("c"))).GetValueOrThrow().StatusCode);

        world.Close(served.ImSubSessionId);

        Assert.Equal(("In session", 0), await QueueStatus(sim, "b"));
        Assert.Equal(("In queue", 1), await QueueStatus(sim, "c"));
        Assert.Equal(1, (await Queued(sim, "c")).Position);
        Assert.Equal(397, world.OpenSessionOf("b")!.AgentId);
        Assert.Equal(1, (await sim.Client.GetCustomerStatusAsync(CustomerStatusQuery.ByCustomerToken("b"))).GetValueOrThrow().StatusCode);

        world.SetAgent(397, capacity: 2);

        Assert.Equal(("In session", 0), await QueueStatus(sim, "c"));
        Assert.Empty(world.Queue);
    }

    [Fact]
    public async Task A_session_assigned_from_the_queue_is_pushed_as_start_session_and_welcome()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Server.World.SetAgent(397, capacity: 1);
        var served = await AssignedAgent(sim, new CreateSessionRequest("a") { AgentId = 397 });
        await Queued(sim, "b");

        sim.Server.World.Close(served.ImSubSessionId);

        await Eventually.True(() => sim.Receiver.Delivered.Any(p => p.Json["customer_token"]!.ToString() == "b"), "b's session is pushed");
        var push = sim.Receiver.Delivered.Single(p => p.Json["customer_token"]!.ToString() == "b");
        Assert.Equal(["start_session", "message"], push.Json["messages"]!.AsArray().Select(m => m!["type"]!.ToString()));
        Assert.Equal(sim.Server.World.OpenSessionOf("b")!.Id, push.Json["messages"]![0]!["im_sub_session_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Busy_agents_keep_their_customers_but_take_no_new_ones()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Server.World.SetAgent(399, ImStatus.Busy, customStatus: "lunch");

        var waiting = await Queued(sim, "a", agentId: 399);
        var status = (await sim.Client.GetAgentStatusAsync(37541)).GetValueOrThrow().Agents!.Single(a => a.Id == 399);
        sim.Server.World.SetAgent(399, ImStatus.Online);

        Assert.Equal(1, waiting.Position);
        Assert.Equal(("busy", "lunch"), (status.ImStatus, status.ImCustomStatus));
        Assert.Equal(399, sim.Server.World.OpenSessionOf("a")!.AgentId);
    }

    [Fact]
    public async Task Nobody_online_answers_2002()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        foreach (var agent in sim.Server.World.Agents)
        {
            sim.Server.World.SetAgent(agent.Id, ImStatus.Offline);
        }

        var system = await sim.Client.CreateSessionAsync(new CreateSessionRequest("a") { AssignType = AssignType.Agent });
        var unknownAgent = await sim.Client.CreateSessionAsync(new CreateSessionRequest("a") { AgentId = 12345 });
        var status = await sim.Client.GetCustomerStatusAsync(CustomerStatusQuery.ByCustomerToken("a"));

        Assert.Equal(2002, system.GetValueOrThrow().Code);
        Assert.IsType<SessionAssignment.NoAgentOnline>(system.Value!.Outcome);
        Assert.IsType<SessionAssignment.NoAgentOnline>(unknownAgent.GetValueOrThrow().Outcome);
        Assert.Equal((0, "No session"), (status.Value!.StatusCode, status.Value.Status));
        Assert.Empty(sim.Server.World.Queue);
    }

    [Fact]
    public async Task An_unknown_group_answers_11012()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var session = await sim.Client.CreateSessionAsync(new CreateSessionRequest("a") { GroupId = 1 });
        var agents = await sim.Client.GetAgentStatusAsync(1);

        Assert.Equal(11012, session.Error?.Code);
        Assert.Equal(11012, agents.Error?.Code);
    }

    [Fact]
    public async Task Abandoning_the_queue_moves_the_others_up_and_is_listed()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Server.World.SetAgent(397, capacity: 0);
        var leaving = await Queued(sim, "a", agentId: 397);
        await Queued(sim, "b", agentId: 397);

        var abandon = await sim.Client.AbandonQueueAsync("a", leaving.Queue!);
        var again = await sim.Client.AbandonQueueAsync("a", leaving.Queue!);
        var list = await sim.Client.GetAbandonedQueuesAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));

        Assert.True(abandon.IsSuccess, abandon.ToString());
        Assert.Equal(2062, again.Error?.Code);
        Assert.Equal(("Not in queue", 0), await QueueStatus(sim, "a"));
        Assert.Equal(("In queue", 1), await QueueStatus(sim, "b"));
        var entry = Assert.Single(list.GetValueOrThrow().ShutQueues!);
        Assert.Equal((leaving.Queue, "API Anonymous User(a)"), (entry.QueueName, entry.CustomerNickName));
        Assert.Equal(1, list.Value!.Meta!.Count);
    }

    [Fact]
    public async Task Agent_status_reports_the_world()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await AssignedAgent(sim, new CreateSessionRequest("a") { AgentId = 397 });
        sim.Server.World.SetAgent(398, ImStatus.Offline);

        var all = (await sim.Client.GetAgentStatusAsync()).GetValueOrThrow().Agents!;
        var sales = (await sim.Client.GetAgentStatusAsync(37540)).GetValueOrThrow().Agents!;

        Assert.Equal([397, 398, 399], all.Select(a => a.Id));
        Assert.Equal([397, 398], sales.Select(a => a.Id));
        var tom = all.Single(a => a.Id == 397);
        Assert.Equal(("online", 1, 2, "Tom"), (tom.ImStatus, tom.ImSessionNum, tom.ImMaxJoinNum, tom.DisplayName));
        Assert.Equal("offline", all.Single(a => a.Id == 398).ImStatus);
    }

    private static async Task<SessionAssignment.Agent> AssignedAgent(SimulatorHarness sim, CreateSessionRequest request)
    {
        var result = await sim.Client.CreateSessionAsync(request);
        return Assert.IsType<SessionAssignment.Agent>(result.GetValueOrThrow().Outcome);
    }

    private static async Task<SessionAssignment.Queued> Queued(SimulatorHarness sim, string customer, long agentId = 397)
    {
        var result = (await sim.Client.CreateSessionAsync(new CreateSessionRequest(customer) { AgentId = agentId })).GetValueOrThrow();
        Assert.Equal(2001, result.Code);
        return Assert.IsType<SessionAssignment.Queued>(result.Outcome);
    }

    private static async Task<(string?, int?)> QueueStatus(SimulatorHarness sim, string customer)
    {
        var status = (await sim.Client.GetQueueStatusAsync(customer)).GetValueOrThrow();
        return (status.Status, status.Count);
    }
}
