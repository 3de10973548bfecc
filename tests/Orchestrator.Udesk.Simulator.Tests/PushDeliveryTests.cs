using System.Text.Json.Nodes;
using Orchestrator.Udesk.Simulator.Logging;
using Orchestrator.Udesk.Simulator.Tests.Support;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>
/// How pushes reach the Receiving Message URL: retried when they fail, in order per customer, duplicated and
/// reordered on request, and paused after too many time-outs. Every attempt is in the log with its outcome.
/// </summary>
public sealed class PushDeliveryTests
{
    [Fact]
    public async Task A_failed_push_is_retried_until_delivered_and_every_attempt_is_logged()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Receiver.FailNext(2);

        var session = await sim.AgentSessionAsync("c");

        await Eventually.True(() => sim.Receiver.Delivered.Count == 1, "the push gets through");
        // The receiver records the answer before the simulator logs the attempt it ends.
        await Eventually.True(() => sim.Server.Log.Pushes.Count == 3, "the delivery is logged");
        Assert.Equal([500, 500, 200], sim.Receiver.Received.Select(p => p.AnsweredStatus));
        Assert.Single(sim.Receiver.Received.Select(p => p.Body).Distinct());
        var attempts = sim.Server.Log.Pushes;
        Assert.Equal([PushOutcome.Failed, PushOutcome.Failed, PushOutcome.Delivered], attempts.Select(a => a.Outcome));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Single(attempts.Select(a => a.BatchId).Distinct());
        Assert.Equal([500, 500, 200], attempts.Select(a => a.HttpStatus));
        Assert.Equal(sim.Server.World.Session(session.ImSubSessionId)!.AgentMessageIds, attempts[2].MessageIds);
        await Eventually.True(() => sim.Server.Pushes.PendingBatches == 0, "nothing is left to push");
    }

    [Fact]
    public async Task A_later_batch_waits_for_the_retried_one_of_the_same_customer_but_others_do_not()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.PushRetryBaseDelay = o.PushRetryMaxDelay = TimeSpan.FromMilliseconds(300));
        sim.Receiver.FailNext(1);
        var session = await sim.AgentSessionAsync("a", 397);
        await Eventually.True(() => sim.Receiver.Received.Count == 1, "the first attempt fails");
        sim.Server.World.AgentReply(session.ImSubSessionId, "message", new JsonObject { ["content"] = "second batch" });

        await Eventually.True(() => sim.Receiver.DeliveredTo("a").Count == 2, "both batches of a arrive");

        Assert.Equal([["start_session", "message"], ["message"]], sim.Receiver.DeliveredTo("a").Select(p => p.Types()));
        Assert.Equal("second batch", sim.Receiver.DeliveredTo("a")[1].Message(0)["data"]!["content"]!.ToString());
    }

    [Fact]
    public async Task A_batch_is_given_up_after_the_last_attempt_and_the_next_one_still_goes()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.PushMaxAttempts = 2);
        sim.Receiver.FailNext(2, 503);
        var session = await sim.AgentSessionAsync("c");
        await Eventually.True(() => sim.Server.Log.Pushes.Any(p => p.Outcome == PushOutcome.GaveUp), "the batch is given up");

        sim.Server.World.AgentReply(session.ImSubSessionId, "message", new JsonObject { ["content"] = "after" });

        await Eventually.True(() => sim.Receiver.Delivered.Count == 1 && sim.Server.Pushes.PendingBatches == 0, "the next batch is delivered and logged");
        Assert.Equal(["message"], sim.Receiver.Delivered[0].Types());
        Assert.Equal([PushOutcome.Failed, PushOutcome.Failed, PushOutcome.GaveUp, PushOutcome.Delivered], sim.Server.Log.Pushes.Select(p => p.Outcome));
    }

    [Fact]
    public async Task An_unreachable_url_fails_without_a_status_and_without_a_url_pushes_are_dropped()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.PushMaxAttempts = 1);
        await sim.ControlAsync(HttpMethod.Put, "push", new { url = "http://127.0.0.1:9/push" });
        await sim.AgentSessionAsync("a", 397);
        await Eventually.True(() => sim.Server.Log.Pushes.Any(p => p.Outcome == PushOutcome.GaveUp), "the push is given up");

        await sim.ControlAsync(HttpMethod.Put, "push", new { url = (string?)null });
        await sim.AgentSessionAsync("b", 398);
        await Eventually.True(() => sim.Server.Log.Pushes.Any(p => p.Outcome == PushOutcome.NoPushUrl), "the push is dropped");

        var failed = sim.Server.Log.Pushes.First(p => p.Outcome == PushOutcome.Failed);
        Assert.Equal(("http://127.0.0.1:9/push", null), (failed.Url, failed.HttpStatus));
        Assert.Equal("b", sim.Server.Log.Pushes.Single(p => p.Outcome == PushOutcome.NoPushUrl).OrderingKey);
        Assert.Empty(sim.Receiver.Received);
        var push = await sim.ControlAsync(HttpMethod.Get, "push");
        Assert.Equal((null, 0), (push!["url"]?.ToString(), push["pending_batches"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Duplicate_deliveries_repeat_the_batch_with_the_same_message_ids()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "faults", new { duplicate_rate = 1.0 });

        var session = await sim.AgentSessionAsync("c");
        sim.Server.World.Close(session.ImSubSessionId, "normal");

        await Eventually.True(() => sim.Receiver.Delivered.Count == 4 && sim.Server.Pushes.PendingBatches == 0, "each batch arrives twice and is logged");
        var bodies = sim.Receiver.Delivered.Select(p => p.Body).ToList();
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Equal(bodies[2], bodies[3]);
        Assert.Equal(sim.Receiver.Delivered[0].MessageIds, sim.Receiver.Delivered[1].MessageIds);
        Assert.Equal([["start_session", "message"], ["start_session", "message"], ["close"], ["close"]], sim.Receiver.Delivered.Select(p => p.Types()));
        var log = sim.Server.Log.Pushes;
        Assert.Equal([PushOutcome.Delivered, PushOutcome.DuplicateDelivered, PushOutcome.Delivered, PushOutcome.DuplicateDelivered], log.Select(p => p.Outcome));
        Assert.Equal(log[0].BatchId, log[1].BatchId);
    }

    [Fact]
    public async Task Reordering_swaps_whole_batches_and_never_the_messages_inside_one()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(time: clock);
        await sim.ControlAsync(HttpMethod.Put, "faults", new { reorder_rate = 1.0, reorder_hold = "00:00:01" });
        var world = sim.Server.World;

        // Batch 1 (start_session + welcome) is held until batch 2 overtakes it; likewise 3 and 4.
        var session = await sim.AgentSessionAsync("c");
        world.AgentReply(session.ImSubSessionId, "message", new JsonObject { ["content"] = "two" });
        await Eventually.True(() => sim.Receiver.Delivered.Count == 2, "the first pair arrives");
        world.AgentReply(session.ImSubSessionId, "message", new JsonObject { ["content"] = "three" });
        var next = world.Transfer(session.ImSubSessionId, agentId: 398);
        await Eventually.True(() => sim.Receiver.Delivered.Count == 4, "the second pair arrives");
        // A held batch that nothing overtakes goes once the hold is over.
        world.Close(next.Id, "redirect");
        await Eventually.True(() => sim.Server.Pushes.HeldBatches == 1, "the close is held");
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.True(() => sim.Receiver.Delivered.Count == 5, "the held close arrives");
        // The dispatcher logs a push once the receiver has answered it, so the log can trail the receiver.
        await Eventually.True(() => sim.Server.Log.Pushes.Count == 5, "the held close logged");

        Assert.Equal(
            [["message"], ["start_session", "message"], ["transfer", "message"], ["message"], ["close"]],
            sim.Receiver.Delivered.Select(p => p.Types()));
        Assert.Equal("two", sim.Receiver.Delivered[0].Message(0)["data"]!["content"]!.ToString());
        Assert.Equal([next.Id, next.Id], sim.Receiver.Delivered[2].SessionIds());
        var log = sim.Server.Log.Pushes;
        Assert.Equal([2L, 1, 4, 3, 5], log.Select(p => p.BatchId));
        Assert.Equal(["reordered ahead of batch 1", null, "reordered ahead of batch 3", null, null], log.Select(p => p.Detail));
    }

    [Fact]
    public async Task Ten_time_outs_within_a_minute_pause_all_pushes_for_a_minute_from_the_last_one()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(
            o =>
            {
                o.PushTimeout = TimeSpan.FromSeconds(5);
                o.PushRetryBaseDelay = o.PushRetryMaxDelay = TimeSpan.Zero;
                o.PushMaxAttempts = 20;
            },
            time: clock);
        Assert.Equal((10, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)), (sim.Options.PushTimeoutsBeforePause, sim.Options.PushTimeoutWindow, sim.Options.PushPauseDuration));
        sim.Receiver.HangNext(10, TimeSpan.FromMinutes(5));

        await sim.AgentSessionAsync("a", 397);
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            await Eventually.True(() => sim.Receiver.Arrived == attempt, $"attempt {attempt} reaches the receiver");
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        await Eventually.True(() => sim.Server.Log.Pushes.Any(p => p.Outcome == PushOutcome.Paused), "pushes pause");
        var paused = sim.Server.Log.Pushes.Single(p => p.Outcome == PushOutcome.Paused);
        var lastTimeout = sim.Server.Log.Pushes.Last(p => p.Outcome == PushOutcome.TimedOut);
        Assert.Equal(lastTimeout.At + TimeSpan.FromSeconds(60), sim.Server.Pushes.PausedUntil);
        var control = await sim.ControlAsync(HttpMethod.Get, "push");
        Assert.Equal(sim.Server.Pushes.PausedUntil, control!["paused_until"]!.GetValue<DateTimeOffset>());

        // Another customer's push waits out the pause too: Udesk stops calling the URL, not one customer.
        await sim.AgentSessionAsync("b", 398);
        clock.Advance(TimeSpan.FromSeconds(59));
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.True(() => sim.Receiver.Delivered.Count == 2 && sim.Server.Pushes.PendingBatches == 0, "both customers' pushes arrive after the pause and are logged");

        Assert.Equal(10, sim.Server.Log.Pushes.Count(p => p.Outcome == PushOutcome.TimedOut));
        Assert.All(sim.Server.Log.Pushes.Where(p => p.Outcome == PushOutcome.Delivered), p => Assert.True(p.At >= paused.At + TimeSpan.FromSeconds(60), $"{p.OrderingKey} was pushed at {p.At:O}, inside the pause"));
        Assert.Equal(11, sim.Server.Log.Pushes.Single(p => p.Outcome == PushOutcome.Delivered && p.OrderingKey == "a").Attempt);
        Assert.Null(sim.Server.Pushes.PausedUntil);
    }

    [Fact]
    public async Task Time_outs_spread_over_more_than_a_minute_do_not_pause()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(
            o =>
            {
                o.PushTimeout = TimeSpan.FromSeconds(7);
                o.PushRetryBaseDelay = o.PushRetryMaxDelay = TimeSpan.Zero;
                o.PushMaxAttempts = 20;
            },
            time: clock);
        sim.Receiver.HangNext(10, TimeSpan.FromMinutes(5));

        // Ten time-outs 7 s apart: the first is 63 s before the tenth.
        await sim.AgentSessionAsync("a", 397);
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            await Eventually.True(() => sim.Receiver.Arrived == attempt, $"attempt {attempt} reaches the receiver");
            clock.Advance(TimeSpan.FromSeconds(7));
        }

        await Eventually.True(() => sim.Receiver.Delivered.Count == 1, "the eleventh attempt is delivered");
        Assert.DoesNotContain(sim.Server.Log.Pushes, p => p.Outcome == PushOutcome.Paused);
        Assert.Null(sim.Server.Pushes.PausedUntil);
    }
}
