using Microsoft.Extensions.Time.Testing;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Tests.Support;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>Trouble on the simulator's own Open API: 5xx, time-outs, lost answers and "assignment in progress".</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task An_injected_server_error_is_answered_before_the_call_is_handled()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "faults", new { api_error_rate = 1.0, api_error_status = 502 });
        var nonce = Guid.NewGuid().ToString();

        var raw = await sim.SendAsync(HttpMethod.Post, "im/sessions", Fixture.Text("request-create-session-agent.json"), sim.SignedQuery(nonce));
        var typed = await sim.Client.CreateSessionAsync(new CreateSessionRequest("c") { AgentId = 397 });
        await sim.ControlAsync(HttpMethod.Put, "faults", new { api_error_rate = 0.0 });
        var sameNonce = await sim.SendAsync(HttpMethod.Post, "im/sessions", Fixture.Text("request-create-session-agent.json"), sim.SignedQuery(nonce));

        Assert.Equal(502, raw.Status);
        Assert.Equal((UdeskErrorKind.Transport, 502), (typed.Error?.Kind, typed.Error?.HttpStatus));
        // The raw call and the typed client's one attempt (a 5xx goes back to the caller), each refused before it was handled.
        Assert.Equal(2, sim.Server.Log.Calls.Count(c => c.Outcome == "fault_error"));
        Assert.Equal(1000, sameNonce.Code);
        Assert.Equal(["827wd5r9-7a61-4afe-9efe-2c071d0e9cb2"], sim.Server.World.Sessions.Select(s => s.CustomerToken));
    }

    [Fact]
    public async Task An_injected_time_out_holds_the_call_then_answers_504()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Faults = new FaultOptions { ApiTimeoutRate = 1.0, ApiTimeoutDelay = TimeSpan.FromMilliseconds(50) });

        var raw = await sim.SendAsync(HttpMethod.Get, "im/urobots");

        Assert.Equal(504, raw.Status);
        Assert.Equal(("fault_timeout", 504), (sim.Server.Log.Calls.Single().Outcome, sim.Server.Log.Calls.Single().HttpStatus));
    }

    [Fact]
    public async Task A_caller_that_gives_up_on_a_held_call_is_logged_as_such()
    {
        await using var sim = await SimulatorHarness.StartAsync(
            o => o.Faults = new FaultOptions { ApiTimeoutRate = 1.0, ApiTimeoutDelay = TimeSpan.FromHours(1) },
            client: o =>
            {
                o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
                o.Resilience.MaxRetryAttempts = 1;
            });

        var result = await sim.Client.GetUrobotsAsync();

        Assert.Equal(UdeskErrorKind.Transport, result.Error?.Kind);
        // An attempt that gave up before it reached the simulator (a cold start can take that long) is not logged.
        await Eventually.True(() => sim.Server.Log.Calls.Count > 0, "an abandoned attempt is logged");
        Assert.All(sim.Server.Log.Calls, c => Assert.Equal(("caller_gave_up", 499), (c.Outcome, c.HttpStatus)));
    }

    [Fact]
    public async Task An_answer_delay_holds_a_handled_call_until_the_clock_passes_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sim = await SimulatorHarness.StartAsync(
            o => o.Faults = new FaultOptions { ApiAnswerDelay = TimeSpan.FromMinutes(1) },
            client: o =>
            {
                // The call is held until the test's clock moves, however slow the machine: the client must not give up first.
                o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(5);
                o.Resilience.TotalTimeout = TimeSpan.FromMinutes(5);
            },
            time: clock);

        var answer = sim.Client.CreateSessionAsync(new CreateSessionRequest("held") { AgentId = 397 });
        await Eventually.True(() => sim.Server.World.EffectsOf("held").SessionsCreated.Count == 1, "the request handled while its answer is held");
        Assert.False(answer.IsCompleted);
        Assert.Empty(sim.Server.Log.Calls);
        clock.Advance(TimeSpan.FromMinutes(1));
        var result = await answer;

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(("handled", 200), (sim.Server.Log.Calls.Single().Outcome, sim.Server.Log.Calls.Single().HttpStatus));
    }

    [Fact]
    public async Task An_answer_lost_after_handling_meets_its_own_effects_on_the_retry()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c");
        await sim.ControlAsync(HttpMethod.Put, "faults", new { api_error_after_handling_rate = 1.0 });
        var message = new SendMessageRequest("c", new MessageTarget.AgentSession(session.ImSubSessionId), "m-1", new MessageContent { Content = "hello" });

        var lost = await sim.Client.SendMessageAsync(message);
        await sim.ControlAsync(HttpMethod.Put, "faults", new { api_error_after_handling_rate = 0.0 });
        var retried = await sim.Client.SendMessageAsync(message);

        Assert.Equal(UdeskErrorKind.Transport, lost.Error?.Kind);
        Assert.True(retried.IsSuccess, retried.ToString());
        Assert.Equal(["m-1"], sim.Server.World.Session(session.ImSubSessionId)!.CustomerMessageIds);
        Assert.Contains(sim.Server.Log.Calls, c => c.Outcome == "fault_error_after_handling" && c.HttpStatus == 503);
    }

    [Fact]
    public async Task Assignment_in_progress_answers_2001_with_count_0_and_the_session_follows_by_push()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Faults = new FaultOptions { AssignmentInProgressRate = 1.0 });

        var first = (await sim.Client.CreateSessionAsync(new CreateSessionRequest("c") { AgentId = 397 })).GetValueOrThrow();
        var again = (await sim.Client.CreateSessionAsync(new CreateSessionRequest("c") { AgentId = 397 })).GetValueOrThrow();

        Assert.Equal((2001, "Customer service assignment in progress!"), (first.Code, first.Message));
        Assert.Equal(0, first.AssignInfo!.Count);
        Assert.IsType<SessionAssignment.AssignmentInProgress>(first.Outcome);
        var session = Assert.IsType<SessionAssignment.Agent>(again.Outcome);
        await Eventually.True(() => sim.Receiver.Delivered.Count == 1, "start_session is pushed");
        Assert.Equal([session.ImSubSessionId, session.ImSubSessionId], sim.Receiver.Delivered[0].SessionIds());
    }

    [Fact]
    public async Task Fault_knobs_are_validated_and_reset_restores_the_configured_ones()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Faults = new FaultOptions { DuplicateRate = 0.25 });

        await sim.ControlAsync(HttpMethod.Put, "faults", new { duplicate_rate = 1.5 }, expectedStatus: 400);
        await sim.ControlAsync(HttpMethod.Put, "faults", new { api_error_status = 404 }, expectedStatus: 400);
        await sim.ControlAsync(HttpMethod.Put, "faults", new { no_such_knob = 1 }, expectedStatus: 400);
        var changed = await sim.ControlAsync(HttpMethod.Put, "faults", new { push_delay = "00:00:00.010", reorder_rate = 0.5 });
        var read = await sim.ControlAsync(HttpMethod.Get, "faults");
        await sim.ControlAsync(HttpMethod.Post, "reset");
        var afterReset = await sim.ControlAsync(HttpMethod.Get, "faults");

        Assert.Equal((0.25, 0.5, "00:00:00.0100000"), (changed!["duplicate_rate"]!.GetValue<double>(), changed["reorder_rate"]!.GetValue<double>(), changed["push_delay"]!.ToString()));
        Assert.Equal(changed.ToJsonString(), read!.ToJsonString());
        Assert.Equal((0.25, 0.0), (afterReset!["duplicate_rate"]!.GetValue<double>(), afterReset["reorder_rate"]!.GetValue<double>()));
    }
}
