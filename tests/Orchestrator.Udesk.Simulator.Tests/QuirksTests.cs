using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Tests.Support;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>Udesk's quirks (<c>Simulator:Quirks</c>), each turned fully on so its effect is certain.</summary>
public sealed class QuirksTests
{
    private static readonly string[] TimeFormats = ["yyyyMMdd HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    [Fact]
    public async Task Odd_shapes_change_how_agent_messages_are_written_but_not_what_they_say()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Quirks = new QuirkOptions { OddShapesRate = 1.0 });
        var session = await sim.AgentSessionAsync("c");
        var id = session.ImSubSessionId;
        await sim.ControlAsync(HttpMethod.Post, $"sessions/{id}/reply", new { type = "rich", data = new { content = "<b>Hi</b>" } });
        await sim.ControlAsync(HttpMethod.Post, $"sessions/{id}/reply", new { type = "audio", data = new { content = "https://x/1.amr", duration = 200 } });
        await sim.ControlAsync(HttpMethod.Post, $"sessions/{id}/close", new { });

        await Eventually.True(() => sim.Receiver.Delivered.Count == 4, "every batch is pushed");
        var pushes = sim.Receiver.Delivered;
        Assert.All(pushes, p => Assert.Equal("Agent", p.Json["assign_type"]!.ToString()));
        var messages = pushes.SelectMany(p => p.Json["messages"]!.AsArray()).Select(m => m!.AsObject()).ToList();
        Assert.All(messages, m =>
        {
            Assert.Equal(JsonValueKind.String, m["im_sub_session_id"]!.GetValueKind());
            Assert.Equal(id.ToString(), m["im_sub_session_id"]!.ToString());
            Assert.Equal("397", m["agent_id"]!.GetValue<string>());
            Assert.Equal(JsonValueKind.Number, m["message_id"]!.GetValueKind());
            Assert.True(DateTime.TryParseExact(m["message_created_at"]!.ToString(), TimeFormats, null, System.Globalization.DateTimeStyles.None, out _));
            Assert.NotNull(m["extra"]);
        });
        // The same ids as the world and the log know them.
        Assert.Equal(sim.Server.World.Session(id)!.AgentMessageIds, messages.Select(m => m["message_id"]!.GetValue<long>().ToString()));
        Assert.Equal("Hello, what can I help you with?", messages[1]["data"]!.GetValue<string>());
        Assert.Equal("<b>Hi</b>", messages[2]["data"]!["content"]!["html"]!.ToString());
        Assert.Equal(200.4, messages[3]["data"]!["duration"]!.GetValue<double>());
        var close = messages[4]["data"]!;
        Assert.Equal(("normal", true), (close["close_type"]!.ToString(), close["msg_close"]!.GetValue<bool>()));
        var blank = close["survey_options"]!["options"]!.AsArray().Last()!["id"];
        Assert.True(blank is null || blank.ToString() == "", $"the extra survey option's id is \"\" or null, not {blank?.ToJsonString()}");
        Assert.Equal([36L, 37, 38, 39, 40], close["survey_options"]!["options"]!.AsArray().SkipLast(1).Select(o => o!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Odd_shapes_of_robot_and_urobot_pushes()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Quirks = new QuirkOptions { OddShapesRate = 1.0 });
        await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"r","assign_type":"robot"}""");
        await sim.SendAsync(HttpMethod.Post, "im/messages", """{"customer_token":"r","im_sub_session_id":0,"message_id":"m-1","data":{"content":"business"}}""");
        var urobot = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"u","assign_type":"urobot","robot_id":12362,"scene_id":39}""");
        var urobotSession = urobot.Json!["assign_info"]!["sessionId"]!.GetValue<long>();
        await sim.SendAsync(HttpMethod.Post, "im/messages", JsonSerializer.Serialize(new { customer_token = "u", im_sub_session_id = -1, robot_id = 12362, scene_id = 39, urobot_session_id = urobotSession, data = new { content = "Question 1" } }));

        await Eventually.True(() => sim.Receiver.Delivered.Count == 2, "both answers are pushed");
        var robot = sim.Receiver.DeliveredTo("r").Single().Json;
        var answer = sim.Receiver.DeliveredTo("u").Single().Json;
        Assert.Equal(("Robot", JsonValueKind.Number, "210530"), (robot["assign_type"]!.ToString(), robot["messages"]![0]!["message_id"]!.GetValueKind(), robot["messages"]![0]!["data"]!["question_id"]!.GetValue<string>()));
        Assert.Equal("Urobot", answer["assign_type"]!.ToString());
        var single = Assert.Single(answer["messages"]!.AsArray())!;
        Assert.Equal(urobotSession.ToString(), single["sessionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_split_batch_arrives_as_one_push_per_message_in_order()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Quirks = new QuirkOptions { SplitBatchRate = 1.0 });

        var session = await sim.AgentSessionAsync("c");

        // The receiver sees a push before the simulator logs its answer: wait for both.
        await Eventually.True(() => sim.Receiver.Delivered.Count == 2 && sim.Server.Pushes.PendingBatches == 0, "both pushes arrive and are logged");
        Assert.Equal([["start_session"], ["message"]], sim.Receiver.Delivered.Select(p => p.Types()));
        Assert.Equal(sim.Server.World.Session(session.ImSubSessionId)!.AgentMessageIds, sim.Receiver.Delivered.SelectMany(p => p.MessageIds));
        Assert.Equal(2, sim.Server.Log.Pushes.Select(p => p.BatchId).Distinct().Count());
    }

    [Fact]
    public async Task A_late_transfer_pushes_the_new_sessions_message_before_the_transfer_event()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Quirks = new QuirkOptions { LateTransferRate = 1.0 });
        var session = await sim.AgentSessionAsync("c", 397);

        var newId = (await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/transfer", new { agent_id = 398 }))!["id"]!.GetValue<long>();

        await Eventually.True(() => sim.Receiver.Delivered.Count == 3, "the transfer is pushed");
        var (early, transfer) = (sim.Receiver.Delivered[1], sim.Receiver.Delivered[2]);
        Assert.Equal(["message"], early.Types());
        Assert.Equal([newId], early.SessionIds());
        Assert.Equal(["transfer"], transfer.Types());
        Assert.Equal([newId], transfer.SessionIds());
    }

    [Fact]
    public async Task A_redirect_close_of_the_old_session_comes_before_the_transfer()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Quirks = new QuirkOptions { RedirectCloseOnTransferRate = 1.0 });
        var session = await sim.AgentSessionAsync("c", 397);

        var newId = (await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/transfer", new { agent_id = 398 }))!["id"]!.GetValue<long>();

        await Eventually.True(() => sim.Receiver.Delivered.Count == 3, "the close and the transfer are pushed");
        var (close, transfer) = (sim.Receiver.Delivered[1], sim.Receiver.Delivered[2]);
        Assert.Equal(["close"], close.Types());
        Assert.Equal([session.ImSubSessionId], close.SessionIds());
        Assert.Equal(("redirect", 397L), (close.Message(0)["data"]!["close_type"]!.ToString(), close.Message(0)["agent_id"]!.GetValue<long>()));
        Assert.Equal(["transfer", "message"], transfer.Types());
        Assert.Equal([newId, newId], transfer.SessionIds());
        Assert.Equal("transfer", sim.Server.World.Session(session.ImSubSessionId)!.CloseType);
    }

    [Fact]
    public async Task A_correct_signature_refused_at_the_window_edge_has_no_effect_and_does_not_burn_the_nonce()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Quirks = new QuirkOptions { SignatureRefusalRate = 1.0 });
        var query = sim.SignedQuery();

        var refused = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"c","agent_id":397}""", query);
        await sim.ControlAsync(HttpMethod.Put, "quirks", new { signature_refusal_rate = 0.0 });
        var accepted = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"c","agent_id":397}""", query);

        Assert.Equal((200, 2059), (refused.Status, refused.Code));
        Assert.Equal(1000, accepted.Code);
        Assert.Equal(["quirk_signature", "handled"], sim.Server.Log.Calls.Select(c => c.Outcome));
        Assert.Single(sim.Server.World.Sessions);
    }

    [Fact]
    public async Task A_session_closed_silently_pushes_nothing_and_refuses_messages_9200_and_previews_2062()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c");
        await Eventually.True(() => sim.Server.Pushes.PendingBatches == 0, "start_session is pushed");

        var closed = await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/close-silently");
        var message = await sim.SendAsync(HttpMethod.Post, "im/messages", TextMessage("c", session.ImSubSessionId, "m-1"));
        var preview = await sim.SendAsync(HttpMethod.Put, $"im/sessions/{session.ImSubSessionId}/message_preview", """{"content":"typing"}""");

        Assert.Equal((false, "silent"), (closed!["open"]!.GetValue<bool>(), closed["close_type"]!.ToString()));
        Assert.Equal((9200, 2062), (message.Code, preview.Code));
        Assert.Single(sim.Server.Log.Pushes.Select(p => p.BatchId).Distinct());
        Assert.Equal(0, sim.Server.Pushes.PendingBatches);
        Assert.Equal(0, sim.Server.World.Agents.Single(a => a.Id == 397).ActiveSessions);
    }

    [Fact]
    public async Task By_chance_the_session_is_already_gone_when_the_customer_writes()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Quirks = new QuirkOptions { SessionClosedSilentlyRate = 1.0 });
        var session = await sim.AgentSessionAsync("c");

        var message = await sim.SendAsync(HttpMethod.Post, "im/messages", TextMessage("c", session.ImSubSessionId, "m-1"));

        Assert.Equal(9200, message.Code);
        Assert.Equal("silent", sim.Server.World.Session(session.ImSubSessionId)!.CloseType);
        Assert.Empty(sim.Server.Effects["c"].CustomerMessages);
    }

    [Fact]
    public async Task A_customer_dropped_from_the_queue_is_not_in_queue_and_has_no_session()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "agents/397", new { capacity = 0 });
        var queued = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"q","agent_id":397}""");

        var queue = await sim.ControlAsync(HttpMethod.Post, "queue/q/drop");
        var queueStatus = await sim.SendAsync(HttpMethod.Get, "im/queue_status?customer_token=q");
        var customerStatus = await sim.SendAsync(HttpMethod.Get, "im/customer_status?customer_token=q");
        await sim.ControlAsync(HttpMethod.Post, "queue/q/drop", expectedStatus: 404);

        Assert.Equal(2001, queued.Code);
        Assert.Empty(queue!.AsArray());
        Assert.Equal("Not in queue", queueStatus.Json!["status"]!.ToString());
        Assert.Equal((0, "No session"), (customerStatus.Json!["status_code"]!.GetValue<int>(), customerStatus.Json["status"]!.ToString()));
        Assert.Empty(sim.Server.Log.Pushes);
    }

    [Fact]
    public async Task By_chance_a_queued_customer_is_dropped_before_the_queue_status_is_answered()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.ControlAsync(HttpMethod.Put, "agents/397", new { capacity = 0 });
        await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"q","agent_id":397}""");
        await sim.ControlAsync(HttpMethod.Put, "quirks", new { queue_drop_rate = 1.0 });

        var queueStatus = await sim.SendAsync(HttpMethod.Get, "im/queue_status?customer_token=q");

        Assert.Equal("Not in queue", queueStatus.Json!["status"]!.ToString());
        Assert.Empty(sim.Server.World.Queue);
    }

    [Fact]
    public async Task Without_deduplication_a_repeated_message_id_is_stored_again()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Quirks = new QuirkOptions { MessageIdsDeduplicated = false });
        var session = await sim.AgentSessionAsync("c");
        var body = TextMessage("c", session.ImSubSessionId, "m-1");

        var first = await sim.SendAsync(HttpMethod.Post, "im/messages", body);
        var again = await sim.SendAsync(HttpMethod.Post, "im/messages", body);

        Assert.Equal((1000, 1000), (first.Code, again.Code));
        Assert.Equal(["m-1", "m-1"], sim.Server.World.Session(session.ImSubSessionId)!.CustomerMessageIds);
        Assert.Equal(2, sim.Server.Effects["c"].CustomerMessages["m-1"]);
    }

    [Fact]
    public async Task A_call_executed_then_timed_out_keeps_its_effect_and_answers_504()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Faults = new FaultOptions { ApiTimeoutDelay = TimeSpan.Zero });
        var session = await sim.AgentSessionAsync("c");
        await sim.ControlAsync(HttpMethod.Put, "faults", new { api_timeout_after_handling_rate = 1.0 });

        var lost = await sim.SendAsync(HttpMethod.Post, "im/messages", TextMessage("c", session.ImSubSessionId, "m-1"));

        Assert.Equal(504, lost.Status);
        Assert.Equal("fault_timeout_after_handling", sim.Server.Log.Calls.Last().Outcome);
        Assert.Equal(["m-1"], sim.Server.World.Session(session.ImSubSessionId)!.CustomerMessageIds);
    }

    [Fact]
    public async Task Quirk_knobs_are_validated_shown_in_state_and_reset_restores_the_configured_ones()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Quirks = new QuirkOptions { SplitBatchRate = 0.25 });

        await sim.ControlAsync(HttpMethod.Put, "quirks", new { odd_shapes_rate = 1.5 }, expectedStatus: 400);
        await sim.ControlAsync(HttpMethod.Put, "quirks", new { no_such_quirk = 1 }, expectedStatus: 400);
        var changed = await sim.ControlAsync(HttpMethod.Put, "quirks", new { queue_drop_rate = 0.5, message_ids_deduplicated = false });
        var state = await sim.ControlAsync(HttpMethod.Get, "state");
        await sim.ControlAsync(HttpMethod.Post, "reset");
        var afterReset = await sim.ControlAsync(HttpMethod.Get, "quirks");

        Assert.Equal((0.25, 0.5, false), (changed!["split_batch_rate"]!.GetValue<double>(), changed["queue_drop_rate"]!.GetValue<double>(), changed["message_ids_deduplicated"]!.GetValue<bool>()));
        Assert.Equal(changed.ToJsonString(), state!["quirks"]!.ToJsonString());
        Assert.Equal((0.25, 0.0, true), (afterReset!["split_batch_rate"]!.GetValue<double>(), afterReset["queue_drop_rate"]!.GetValue<double>(), afterReset["message_ids_deduplicated"]!.GetValue<bool>()));
    }

    [Fact]
    public void Quirk_rates_outside_0_to_1_stop_the_start_with_their_names()
    {
        var options = new SimulatorOptions { Quirks = new QuirkOptions { OddShapesRate = 2, QueueDropRate = -0.1 }, Faults = new FaultOptions { ApiTimeoutAfterHandlingRate = 3 } };

        var result = new SimulatorOptionsValidator().Validate(null, options);

        Assert.Contains("Simulator:Quirks:OddShapesRate must be between 0 and 1 (was 2).", result.Failures!);
        Assert.Contains("Simulator:Quirks:QueueDropRate must be between 0 and 1 (was -0.1).", result.Failures!);
        Assert.Contains("Simulator:Faults:ApiTimeoutAfterHandlingRate must be between 0 and 1 (was 3).", result.Failures!);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_quirks()
    {
        var quirks = new QuirkOptions { OddShapesRate = 0.5, SplitBatchRate = 0.5 };
        var bodies = new List<IReadOnlyList<string>>();
        foreach (var _ in new[] { 1, 2 })
        {
            await using var sim = await SimulatorHarness.StartAsync(o => { o.Seed = 5; o.Quirks = quirks.Clone(); });
            var session = await sim.AgentSessionAsync("c");
            for (var i = 0; i < 4; i++)
            {
                await sim.ControlAsync(HttpMethod.Post, $"sessions/{session.ImSubSessionId}/reply", new { content = $"reply {i}" });
            }

            await Eventually.True(() => sim.Server.Pushes.PendingBatches == 0, "everything is pushed");
            bodies.Add(sim.Server.Log.Pushes.Select(p => JsonNode.Parse(p.Body)!["messages"]!.ToJsonString()).ToList());
        }

        // Times differ between runs on the system clock; the ids, the shapes and the batching do not.
        Assert.Equal(bodies[0].Select(Shape), bodies[1].Select(Shape));
        Assert.Contains(bodies[0], b => b.Contains("\"Hello", StringComparison.Ordinal) || b.Contains("\"data\":\"", StringComparison.Ordinal));
    }

    /// <summary>The body of <c>POST im/messages</c> for a text to an agent session.</summary>
    internal static string TextMessage(string customer, long sessionId, string messageId) =>
        JsonSerializer.Serialize(new { customer_token = customer, im_sub_session_id = sessionId, message_id = messageId, data = new { content = "hi" } });

    private static string Shape(string messages) =>
        System.Text.RegularExpressions.Regex.Replace(messages, "\"message_created_at\":\"[^\"]*\"", "\"message_created_at\":\"\"");
}
