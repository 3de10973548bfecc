using System.Text.Json.Nodes;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Tests.Support;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>One seed, one run: the same calls give the same agents, ids, pushes and faults.</summary>
public sealed class ReproducibilityTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public async Task Two_simulators_with_the_same_seed_push_the_same_bytes()
    {
        await using var first = await SimulatorHarness.StartAsync(o => o.Seed = 7, time: Clock.StoppedAt(Start));
        await using var second = await SimulatorHarness.StartAsync(o => o.Seed = 7, time: Clock.StoppedAt(Start));
        await using var other = await SimulatorHarness.StartAsync(o => o.Seed = 8, time: Clock.StoppedAt(Start));

        var runs = new[] { await RunAsync(first), await RunAsync(second), await RunAsync(other) };

        Assert.Equal(runs[0].Agents, runs[1].Agents);
        Assert.Equal(runs[0].Pushes, runs[1].Pushes);
        Assert.NotEqual(runs[0].Pushes, runs[2].Pushes);
        Assert.Equal(7, first.Server.Seed);
    }

    [Fact]
    public async Task Reset_with_the_seed_repeats_the_run_in_the_same_simulator()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Seed = 11, time: Clock.StoppedAt(Start));

        var before = await RunAsync(sim);
        var reset = await sim.ControlAsync(HttpMethod.Post, "reset", new { seed = 11 });
        var again = await RunAsync(sim);

        Assert.Equal(11, reset!["seed"]!.GetValue<int>());
        Assert.Equal(before.Agents, again.Agents);
        Assert.Equal(before.Pushes, again.Pushes);
    }

    [Fact]
    public async Task Faults_drawn_from_the_same_seed_hit_the_same_calls_and_batches()
    {
        var faults = new FaultOptions { ApiErrorRate = 0.5, DuplicateRate = 0.5 };
        await using var first = await SimulatorHarness.StartAsync(o => { o.Seed = 3; o.Faults = faults.Clone(); }, client: o => o.Resilience.MaxRetryAttempts = 1);
        await using var second = await SimulatorHarness.StartAsync(o => { o.Seed = 3; o.Faults = faults.Clone(); }, client: o => o.Resilience.MaxRetryAttempts = 1);

        var outcomes = new List<IReadOnlyList<string>>();
        var duplicated = new List<IReadOnlyList<long>>();
        foreach (var sim in new[] { first, second })
        {
            for (var i = 0; i < 12; i++)
            {
                await sim.SendAsync(HttpMethod.Get, "im/im_sensitive_words");
            }

            outcomes.Add(sim.Server.Log.Calls.Select(c => c.Outcome).ToList());
            await sim.ControlAsync(HttpMethod.Put, "faults", new { api_error_rate = 0.0 });
            var session = await sim.AgentSessionAsync("c");
            for (var i = 0; i < 8; i++)
            {
                sim.Server.World.AgentReply(session.ImSubSessionId, "message", new JsonObject { ["content"] = $"reply {i}" });
            }

            await Eventually.True(() => sim.Server.Pushes.PendingBatches == 0, "every batch is pushed");
            duplicated.Add(sim.Server.Log.Pushes.Where(p => p.Outcome == Logging.PushOutcome.DuplicateDelivered).Select(p => p.BatchId).ToList());
        }

        Assert.Equal(outcomes[0], outcomes[1]);
        Assert.Contains("fault_error", outcomes[0]);
        Assert.Contains("handled", outcomes[0]);
        Assert.Equal(duplicated[0], duplicated[1]);
        Assert.InRange(duplicated[0].Count, 1, 8);
    }

    /// <summary>Customers assigned by the system rule (ties broken at random), replies, a robot answer, a transfer.</summary>
    private static async Task<(IReadOnlyList<long?> Agents, IReadOnlyList<string> Pushes)> RunAsync(SimulatorHarness sim)
    {
        foreach (var agent in sim.Server.World.Agents)
        {
            sim.Server.World.SetAgent(agent.Id, capacity: 3);
        }

        var agents = new List<long?>();
        foreach (var customer in new[] { "a", "b", "c", "d", "e" })
        {
            var outcome = (await sim.Client.CreateSessionAsync(new CreateSessionRequest(customer) { AssignType = AssignType.Agent })).GetValueOrThrow().Outcome;
            agents.Add(Assert.IsType<SessionAssignment.Agent>(outcome).AgentId);
        }

        var session = sim.Server.World.OpenSessionOf("a")!;
        sim.Server.World.AgentReply(session.Id, "message", new JsonObject { ["content"] = "hello" });
        sim.Server.World.Transfer(session.Id, groupId: 37541);
        await sim.Client.CreateSessionAsync(new CreateSessionRequest("r"));
        await sim.Client.SendMessageAsync(new SendMessageRequest("r", new MessageTarget.Robot(), "q-1", new MessageContent { Content = "What is the company's business?" }));
        await Eventually.True(() => sim.Server.Pushes.PendingBatches == 0, "every batch is pushed");
        var pushes = sim.Server.Log.Pushes.OrderBy(p => p.BatchId).Select(p => p.Body).ToList();
        return (agents, pushes);
    }
}
