using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>
/// The service against a Udesk with every quirk and every executed-then-failed fault on at once, a dozen customers in
/// conversation together (robot, urobot and agent sessions, replies, transfers, closes from both sides): once it
/// settles, every agent reply is in its customer's feed exactly once, every accepted customer message has ended
/// delivered or refused, Udesk stored each message and made each session once, and no rate limit was broken.
/// </summary>
public sealed class UdeskQuirksMixTests(ITestOutputHelper output)
{
    private const int Seed = 20261201;
    private const int Customers = 10;
    private static readonly long[] AgentIds = [397, 398, 399];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_reply_and_every_customer_message_is_accounted_for_once_with_every_quirk_on()
    {
        await using var world = await QuirkyUdesk.StartAsync(Seed, new QuirkOptions
        {
            OddShapesRate = 0.3,
            SplitBatchRate = 0.3,
            LateTransferRate = 0.3,
            RedirectCloseOnTransferRate = 0.3,
            SignatureRefusalRate = 0.2,
            SessionClosedSilentlyRate = 0.2,
            QueueDropRate = 0.3,
            MessageIdsDeduplicated = true,
        }, new FaultOptions
        {
            DuplicateRate = 0.3,
            ReorderRate = 0.3,
            ReorderHold = TimeSpan.FromMilliseconds(300),
            ApiErrorAfterHandlingRate = 0.2,
            ApiTimeoutAfterHandlingRate = 0.2,
            ApiTimeoutDelay = TimeSpan.FromMilliseconds(300),
        });

        // Nine agent places for ten customers: someone queues until a place frees.
        foreach (var agent in AgentIds)
        {
            await world.Simulator.SetAgent(agent, new JsonObject { ["capacity"] = 3 });
        }

        var scripts = Enumerable.Range(0, Customers).Select(i => new CustomerScript(world, i)).ToList();
        await Task.WhenAll(scripts.Select(s => s.Run()));

        // Settled: every conversation closed with nothing left for Udesk (each script waited for that), and Udesk with
        // nothing left to push.
        await Eventually.Until(
            world.Simulator.PushState,
            p => p["pending_batches"]!.GetValue<int>() == 0 && p["held_batches"]!.GetValue<int>() == 0,
            "Udesk has nothing left to push",
            Settle);

        var pushes = (await world.Simulator.Pushes()).Select(p => p!.AsObject()).ToList();
        var effects = world.Udesk.Effects;
        var failures = new List<string>();
        foreach (var script in scripts)
        {
            var feed = (await script.Feed()).ToList();
            failures.AddRange(RepliesReachedTheFeedOnce(script, feed, pushes));
            failures.AddRange(CustomerMessagesEnded(script, feed, effects));
            failures.AddRange(UdeskDidEachThingOnce(script, effects));
            if (script.Error is { } error)
            {
                failures.Add($"{script.Token}: {error.Message}");
            }

            if (failures.Count > 0 && !script.Dumped)
            {
                script.Dumped = true;
                failures.Add($"--- {script.Token}: what the test did ---\n{string.Join('\n', script.Journal)}");
                failures.Add($"--- {script.Token}: feed (include=internal) ---\n{string.Join('\n', feed.Select(Describe))}");
                failures.Add($"--- {script.Token}: pushes ---\n{string.Join('\n', pushes.Where(p => Str(p, "ordering_key") == script.Token).Select(p => $"{p["sequence"]} batch {p["batch_id"]} #{p["attempt"]} {Str(p, "outcome")} {Str(p, "detail")} {Str(p, "body")}"))}");
                var calls = (await world.Simulator.Calls()).Select(c => c!.AsObject())
                    .Where(c => (Str(c, "body") ?? "").Contains(script.Token, StringComparison.Ordinal) || (Str(c, "query") ?? "").Contains(script.Token, StringComparison.Ordinal));
                failures.Add($"--- {script.Token}: calls naming it ---\n{string.Join('\n', calls.Select(c => $"{c["sequence"]} {Str(c, "method")} {Str(c, "path")} {c["http_status"]} {c["code"]} {Str(c, "outcome")} {Str(c, "body")}"))}");
            }
        }

        var allFeeds = new List<JsonObject>();
        foreach (var script in scripts)
        {
            allFeeds.AddRange(await script.Feed());
        }

        output.WriteLine(
            $"{scripts.Sum(s => s.Accepted.Count)} customer messages accepted, {scripts.Sum(s => s.Replies.Count)} agent replies; feed: " +
            string.Join(", ", allFeeds.GroupBy(e => Str(e, "type") + (e["data"]?["consequence"] is { } c ? "/" + c : "")).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("calls: " + string.Join(", ", (await world.Simulator.Calls()).GroupBy(c => Str(c!.AsObject(), "outcome")).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("pushes: " + string.Join(", ", pushes.GroupBy(p => Str(p, "outcome") + (Str(p, "detail") is { } d && d.StartsWith("reordered", StringComparison.Ordinal) ? "/reordered" : "")).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("sessions created: " + string.Join(", ", effects.SelectMany(e => e.Value.SessionsCreated).GroupBy(s => s.AssignType).Select(g => $"{g.Key} {g.Count()}")) +
            $"; transfer surveys {effects.Sum(e => e.Value.TransferSurveys)}; silent closes {(await world.Simulator.Sessions()).Count(s => Str(s!.AsObject(), "close_type") == "silent")}");

        Assert.True(failures.Count == 0, string.Join('\n', failures));

        // Sanity: the mix really met the quirks it is about.
        var calledOutcomes = (await world.Simulator.Calls()).Select(c => Str(c!.AsObject(), "outcome")).ToHashSet();
        Assert.Contains("fault_error_after_handling", calledOutcomes);
        Assert.Contains("fault_timeout_after_handling", calledOutcomes);
        Assert.Contains("quirk_signature", calledOutcomes);
        Assert.Contains(pushes, p => Str(p, "outcome") == "duplicate_delivered");
        Assert.True(scripts.Sum(s => s.Replies.Count) >= Customers, "agents replied");

        await AssertNoViolations(world.Simulator);
    }

    /// <summary>1. Every reply pushed (and each pushed event) is in the feed once, a reply as a message or an unreadable one.</summary>
    private static IEnumerable<string> RepliesReachedTheFeedOnce(CustomerScript script, IReadOnlyList<JsonObject> feed, IReadOnlyList<JsonObject> pushes)
    {
        // A repeat Udesk delivered is recorded for audits as duplicate_dropped; it must name a message recorded once.
        var facts = feed.Where(e => Str(e, "type") != "duplicate_dropped").ToList();
        var byId = facts.Where(e => Str(e, "message_id") is not null && !IsCustomerSide(e)).GroupBy(e => Str(e, "message_id")!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var dropped in feed.Where(e => Str(e, "type") == "duplicate_dropped" && e["data"]?["source"]?.GetValue<string>() == "udesk_push" && !byId.ContainsKey(Str(e, "message_id")!)))
        {
            yield return $"{script.Token}: duplicate_dropped {Str(dropped, "message_id")} names no message recorded before";
        }

        var pushed = pushes
            .Where(p => Str(p, "ordering_key") == script.Token && Str(p, "outcome") is "delivered" or "duplicate_delivered" && Str(p, "kind") is "agent" or "robot")
            .SelectMany(p => PushedMessages(Str(p, "body")!))
            .DistinctBy(m => m.Id)
            .ToList();
        foreach (var (id, type) in pushed)
        {
            var found = byId.GetValueOrDefault(id) ?? [];
            if (found.Count != 1)
            {
                yield return $"{script.Token}: pushed {type} {id} is in the feed {found.Count} times ({string.Join(", ", found.Select(e => Str(e, "type")))})";
            }
            else if (type is not ("start_session" or "transfer" or "close") && Str(found[0], "type") is not ("message" or "unreadable_message"))
            {
                yield return $"{script.Token}: pushed {type} {id} is in the feed as {Str(found[0], "type")}, not a message";
            }
        }

        foreach (var reply in script.Replies)
        {
            var found = (byId.GetValueOrDefault(reply) ?? []).Where(e => Str(e, "type") is "message" or "unreadable_message").ToList();
            if (found.Count != 1)
            {
                yield return $"{script.Token}: agent reply {reply} is in the feed as a message {found.Count} times";
            }
        }

        foreach (var (id, events) in byId.Where(g => g.Value.Count > 1))
        {
            yield return $"{script.Token}: message_id {id} recorded {events.Count} times: {string.Join(", ", events.Select(e => $"{e["seq"]}:{Str(e, "type")}"))}";
        }
    }

    /// <summary>2. Every accepted customer message is in the feed and ended delivered or refused (a reroute leads to one more ending).</summary>
    private static IEnumerable<string> CustomerMessagesEnded(CustomerScript script, IReadOnlyList<JsonObject> feed, IReadOnlyDictionary<string, Orchestrator.Udesk.Simulator.World.CustomerEffectsView> effects)
    {
        var stored = effects.GetValueOrDefault(script.Token)?.CustomerMessages ?? new Dictionary<string, int>();
        foreach (var (id, route) in script.Accepted)
        {
            var story = feed.Where(e => Str(e, "message_id") == id && IsCustomerSide(e)).ToList();
            var sent = story.Count(e => Str(e, "type") == "customer_message");
            var endings = story.Where(e => Str(e, "type") is "customer_message_delivered" or "customer_message_refused").ToList();
            var shape = string.Join(" ", story.Select(e => $"{e["seq"]}:{Str(e, "type")}{(e["data"]?["consequence"] is { } c ? "/" + c : "")}"));
            if (sent == 0)
            {
                yield return $"{script.Token}: accepted message {id} has no customer_message";
                continue;
            }

            if (endings.Count != sent)
            {
                yield return $"{script.Token}: message {id} sent {sent} times but ended {endings.Count} times: {shape}";
                continue;
            }

            for (var i = 0; i < story.Count; i++)
            {
                // customer_message, its ending, (customer_message, its ending)*: only a rerouted refusal is followed by more.
                var expected = i % 2 == 0 ? "customer_message" : null;
                if (expected is not null && Str(story[i], "type") != expected || expected is null && Str(story[i], "type") == "customer_message")
                {
                    yield return $"{script.Token}: message {id} out of order: {shape}";
                    break;
                }
            }

            var rerouted = endings.Take(endings.Count - 1).Where(e => !IsRerouted(e)).ToList();
            if (rerouted.Count > 0)
            {
                yield return $"{script.Token}: message {id} was sent again after an ending that was not a reroute: {shape}";
            }

            var last = endings[^1];
            if (IsRerouted(last))
            {
                yield return $"{script.Token}: message {id} ended rerouted with nothing after it: {shape}";
            }

            var timesStored = stored.GetValueOrDefault(id);
            if (Str(last, "type") == "customer_message_delivered" && route != "urobot" && timesStored != 1)
            {
                yield return $"{script.Token}: message {id} delivered but Udesk stored it {timesStored} times: {shape}";
            }

            if (Str(last, "type") == "customer_message_refused" && timesStored != 0)
            {
                yield return $"{script.Token}: message {id} refused but Udesk stored it {timesStored} times: {shape}";
            }
        }

        var unexpected = feed.Where(e => Str(e, "type") == "customer_message" && !script.Accepted.ContainsKey(Str(e, "message_id")!)).ToList();
        foreach (var e in unexpected)
        {
            yield return $"{script.Token}: customer_message {Str(e, "message_id")} the platform never had accepted";
        }
    }

    /// <summary>3. Udesk stored each message once, made at most one session per request and counted no transfer twice.</summary>
    private static IEnumerable<string> UdeskDidEachThingOnce(CustomerScript script, IReadOnlyDictionary<string, Orchestrator.Udesk.Simulator.World.CustomerEffectsView> effects)
    {
        if (effects.GetValueOrDefault(script.Token) is not { } done)
        {
            yield break;
        }

        foreach (var (id, times) in done.CustomerMessages.Where(m => m.Value != 1))
        {
            yield return $"{script.Token}: Udesk stored message {id} {times} times";
        }

        // Agent and robot requests are never repeated blindly (queue_status is asked first; a robot session needs no
        // id). A urobot request is repeated by design (UnansweredCalls: "a second urobot session replaces the first"),
        // so it is not held to one session per request here; the report lists how many it made.
        foreach (var kind in done.SessionsCreated.Where(s => s.AssignType is "agent" or "robot").GroupBy(s => s.AssignType))
        {
            var asked = script.Requests.GetValueOrDefault(kind.Key);
            if (kind.Count() > asked)
            {
                yield return $"{script.Token}: {asked} {kind.Key} session requests made {kind.Count()} sessions ({string.Join(", ", kind.Select(s => s.Id))})";
            }
        }

        var surveysAllowed = script.Requests.GetValueOrDefault("urobot") > 0 ? 1 : 0;
        if (done.TransferSurveys > surveysAllowed)
        {
            yield return $"{script.Token}: Udesk counted {done.TransferSurveys} transfer surveys for {surveysAllowed} escalation";
        }
    }

    private static bool IsRerouted(JsonObject ending) =>
        Str(ending, "type") == "customer_message_refused" && ending["data"]?["consequence"]?.GetValue<string>() == "rerouted";

    private static bool IsCustomerSide(JsonObject e) => Str(e, "type") is "customer_message" or "customer_message_delivered" or "customer_message_refused";

    private static string Describe(JsonObject e) =>
        $"{e["seq"]} {Str(e, "type")} id={Str(e, "message_id")} session={e["im_sub_session_id"]} internal={e["internal"]} data={e["data"]?.ToJsonString()}";

    /// <summary>The (message_id, type) of each message in an agent or robot push body, whatever shape it took.</summary>
    internal static IEnumerable<(string Id, string Type)> PushedMessages(string body)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        var messages = root["messages"] switch
        {
            JsonArray array => array.Select(m => m!.AsObject()),
            JsonObject single => [single],
            _ => [],
        };
        foreach (var m in messages)
        {
            if (m["message_id"] is { } id)
            {
                yield return (id.ToString(), Str(m, "type") ?? "robot_answer");
            }
        }
    }

    internal static async Task AssertNoViolations(SimulatorControl simulator)
    {
        var violations = await simulator.Violations();
        Assert.True(
            violations["company_budget"]!.GetValue<int>() == 0 && violations["preview"]!.GetValue<int>() == 0 && violations["structured_message"]!.GetValue<int>() == 0,
            $"Udesk's rate limits were broken: {violations.ToJsonString()}");
    }

    /// <summary>One customer's part in the mix, chosen by its index: what it asks, sends and how it ends.</summary>
    private sealed class CustomerScript(QuirkyUdesk world, int index)
    {
        public string Token { get; } = $"mix-{index:00}";

        public PlatformApi Customer { get; } = world.Customer($"mix-{index:00}");

        /// <summary>message_id → where it was sent (robot, urobot, agent) for every message answered 202 (not duplicate).</summary>
        public Dictionary<string, string> Accepted { get; } = [];

        /// <summary>Session requests made per Udesk assign type (agent, robot, urobot).</summary>
        public Dictionary<string, int> Requests { get; } = [];

        /// <summary>message_ids of the replies agents sent through the simulator.</summary>
        public List<string> Replies { get; } = [];

        public bool Dumped { get; set; }

        private int sent;

        /// <summary>What the script did and was answered, for the failure message.</summary>
        public List<string> Journal { get; } = [];

        /// <summary>Why the script could not finish (e.g. the conversation never settled), or null.</summary>
        public Exception? Error { get; private set; }

        public async Task Run()
        {
            try
            {
                await Play();
            }
            catch (Exception e)
            {
                Error = e;
            }
        }

        private async Task Play()
        {
            // Before the agent: the knowledge-base robot, the urobot, or nothing.
            switch (index % 5)
            {
                case 2:
                    await Request(new JsonObject { ["assign_type"] = "robot" }, "robot");
                    await Until(s => Str(s, "state") == "robot" && Pending(s) == 0, "robot session");
                    await Send("robot", "what is your business");
                    await Send("robot", "where are you located");
                    break;
                case 3:
                    await Request(new JsonObject { ["assign_type"] = "urobot", ["robot_id"] = DefaultWorld.UrobotId, ["scene_id"] = DefaultWorld.SceneId }, "urobot");
                    await Until(s => Str(s, "state") == "urobot" && Pending(s) == 0, "urobot session");
                    await Send("urobot", "Question 1");
                    await Send("urobot", "password");
                    break;
            }

            var ask = (index % 4) switch
            {
                0 => new JsonObject { ["assign_type"] = "agent" },
                1 => new JsonObject { ["assign_type"] = "agent", ["agent_id"] = AgentIds[index % 3] },
                2 => new JsonObject { ["assign_type"] = "agent", ["group_id"] = DefaultWorld.SupportGroupId },
                _ => new JsonObject { ["assign_type"] = "agent", ["group_id"] = DefaultWorld.SalesGroupId },
            };
            await Request(ask, "agent");
            await Send("after-request", "hello, is anyone there?");

            // Agent (possibly after the queue), or closed when Udesk lost the session or the queue place.
            var state = await Until(s => Str(s, "state") is "agent" or "closed" && Pending(s) == 0, "an agent or the end", Settle);
            Journal.Add($"state {Str(state, "state")} session {state["im_sub_session_id"]}");
            if (Str(state, "state") == "agent")
            {
                await Send("agent", "I have a question");
                await Reply("how can I help?");
                await Send("agent", "my order is late");
                await Reply("let me check");

                if (index % 3 == 0 && await OpenSession() is { } session)
                {
                    var from = session["id"]!.GetValue<long>();
                    var to = AgentIds.First(a => a != session["agent_id"]!.GetValue<long>());
                    var next = await world.Simulator.TryPost($"sessions/{from}/transfer", new JsonObject { ["agent_id"] = to });
                    Journal.Add($"agent transferred session {from} to agent {to}: {next?["id"]?.ToString() ?? "409"}");
                    if (next is not null)
                    {
                        var id = next["id"]!.GetValue<long>();
                        state = await Until(s => Str(s, "state") == "closed" || s["im_sub_session_id"]?.GetValue<long>() == id, $"transferred to session {id}");
                        await Send("agent", "thanks for taking over");
                        await Reply("I am here now");
                    }
                }

                if (index % 2 == 0)
                {
                    if (await OpenSession() is { } open)
                    {
                        var closed = await world.Simulator.TryPost($"sessions/{open["id"]}/close", new JsonObject { ["close_type"] = index % 4 == 0 ? "normal" : "force" });
                        Journal.Add($"agent closed session {open["id"]}: {(closed is null ? "409" : "ok")}");
                    }
                }
                else
                {
                    using var closing = await Customer.Close();
                    Journal.Add($"customer close -> {(int)closing.StatusCode} {await closing.Content.ReadAsStringAsync()}");
                    Assert.True(closing.IsSuccessStatusCode || closing.StatusCode == HttpStatusCode.Conflict, $"{Token}: close answered {(int)closing.StatusCode}");
                }
            }

            await Until(s => Str(s, "state") == "closed" && Pending(s) == 0, "closed, outbox empty", Settle);
        }

        public async Task<IReadOnlyList<JsonObject>> Feed()
        {
            var all = new List<JsonObject>();
            long after = 0;
            while (true)
            {
                var page = await Customer.Events(after, limit: 500, includeInternal: true);
                var events = page["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
                if (events.Count == 0)
                {
                    return all;
                }

                all.AddRange(events);
                after = page["next_after"]!.GetValue<long>();
            }
        }

        private async Task Request(JsonObject body, string kind)
        {
            var answer = await Accepted(Customer.RequestSession(body));
            Requests[kind] = Requests.GetValueOrDefault(kind) + 1;
            Journal.Add($"request {body.ToJsonString()} -> 202 {answer.ToJsonString()}");
        }

        /// <summary>Sends one message; 202 counts it, 409 (the conversation closed meanwhile) does not; anything else fails.</summary>
        private async Task Send(string route, string content)
        {
            var id = $"{Token}-m{++sent}";
            using var response = await Customer.SendMessage(id, content);
            var body = await response.Content.ReadAsStringAsync();
            Journal.Add($"send {id} ({route}) -> {(int)response.StatusCode} {body}");
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var answer = JsonNode.Parse(body)!;
                Assert.False(answer["duplicate"]?.GetValue<bool>() ?? false, $"{Token}: {id} is new but was answered duplicate");
                Accepted[id] = route;
                return;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{Token}: message {id} answered {(int)response.StatusCode}: {body}");
            var state = await Customer.State();
            Assert.True(Str(state!, "state") is "closed" or "idle", $"{Token}: message {id} refused 409 while the conversation is {state?.ToJsonString()}: {body}");
        }

        /// <summary>The agent of the customer's open session replies; nothing when Udesk has no open session for them.</summary>
        private async Task Reply(string content)
        {
            if (await OpenSession() is { } session && await world.Simulator.TryPost($"sessions/{session["id"]}/reply", new JsonObject { ["content"] = content }) is { } reply)
            {
                Replies.Add(reply["message_id"]!.GetValue<string>());
                Journal.Add($"agent replied in session {session["id"]}: {reply["message_id"]}");
            }
            else
            {
                Journal.Add("agent could not reply: no open session");
            }
        }

        private Task<JsonObject?> OpenSession() => world.Simulator.OpenSessionOf(Token);

        private async Task<JsonObject> Until(Func<JsonObject, bool> holds, string what, TimeSpan? timeout = null) =>
            (await Eventually.Until(Customer.State, s => s is not null && holds(s), $"{Token}: {what}", timeout))!;

        private static int Pending(JsonObject s) => s["pending_udesk_calls"]!.GetValue<int>();
    }
}

/// <summary>
/// Focused checks, one per family of Udesk quirks, each on its own customer against the shared simulator (quirks
/// off, faults switched on only around the call they are about).
/// </summary>
public sealed class UdeskQuirkFocusTests(Journey journey) : IClassFixture<Journey>
{
    private SimulatorControl Simulator => journey.Simulator;

    [Fact]
    public async Task An_agent_session_request_executed_then_answered_5xx_makes_exactly_one_session()
    {
        var customer = journey.Customer("focus-executed-5xx");
        await Simulator.SetFaults(new JsonObject { ["api_error_after_handling_rate"] = 1.0 });
        try
        {
            await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 397 }));
            await Eventually.Until(Simulator.Calls, calls => calls.Any(c => Str(c!.AsObject(), "outcome") == "fault_error_after_handling" && Str(c!.AsObject(), "path")!.EndsWith("/im/sessions", StringComparison.Ordinal) && (Str(c!.AsObject(), "body") ?? "").Contains(customer.CustomerToken, StringComparison.Ordinal)), "the request executed, then answered 503");
        }
        finally
        {
            await Simulator.SetFaults(new JsonObject { ["api_error_after_handling_rate"] = 0.0 });
        }

        var state = await customer.StateWhere(s => Str(s, "state") == "agent" && s["pending_udesk_calls"]!.GetValue<int>() == 0, "agent session, nothing pending");
        var created = journey.Udesk.World.EffectsOf(customer.CustomerToken).SessionsCreated;
        var session = Assert.Single(created);
        Assert.Equal(state!["im_sub_session_id"]!.GetValue<long>(), session.Id);
        Assert.Single(await Simulator.Sessions(), s => Str(s!.AsObject(), "customer_token") == customer.CustomerToken);
        await UdeskQuirksMixTests.AssertNoViolations(Simulator);
    }

    [Fact]
    public async Task A_message_refused_9200_because_Udesk_transferred_the_session_follows_the_transfer_once_its_push_arrives()
    {
        // Udesk transferred the session, and the transfer's push is still on its way when the customer's next message
        // meets the old session (9200): the customer is in a live session, so the message must reach it.
        var (customer, first) = await journey.AgentConversation("focus-late-transfer", 397);
        await Simulator.SetFaults(new JsonObject { ["push_delay"] = "00:00:01.500" });
        long second;
        try
        {
            second = (await Simulator.Transfer(first, 398))["id"]!.GetValue<long>();
            await Accepted(customer.SendMessage("focus-late-transfer-1", "are you still there?"));
            await Eventually.Until(Simulator.Calls, calls => calls.Any(c => (Str(c!.AsObject(), "body") ?? "").Contains("focus-late-transfer-1", StringComparison.Ordinal)), "the message at Udesk");
        }
        finally
        {
            await Simulator.SetFaults(new JsonObject { ["push_delay"] = "00:00:00" });
        }

        await Eventually.Until(Simulator.PushState, p => p["pending_batches"]!.GetValue<int>() == 0, "the transfer pushed");
        var state = await customer.StateWhere(s => s["pending_udesk_calls"]!.GetValue<int>() == 0, "nothing pending");
        var feed = (await customer.Events(includeInternal: true))["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var story = string.Join(" | ", feed.Select(e => $"{e["seq"]}:{Str(e, "type")}:{Str(e, "message_id")}:{e["im_sub_session_id"]}:{e["data"]?["consequence"] ?? e["data"]?["close_type"]}"));

        Assert.True(Ids(await Simulator.Session(second), "customer_message_ids").Contains("focus-late-transfer-1"), $"the message never reached session {second}; feed: {story}");
        var endings = feed.Where(e => Str(e, "message_id") == "focus-late-transfer-1" && Str(e, "type") is "customer_message_delivered" or "customer_message_refused").ToList();
        Assert.True(Str(endings[^1], "type") == "customer_message_delivered", $"the message ended {Str(endings[^1], "type")}; feed: {story}");
        Assert.True(!feed.Any(e => Str(e, "type") == "closed"), $"the conversation was shown closed while Udesk had the customer in session {second}; feed: {story}");
        Assert.Equal("agent", Str(state!, "state"));
        Assert.Equal(second, state!["im_sub_session_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_customer_message_executed_then_timed_out_is_stored_once_and_delivered_once()
    {
        var (customer, session) = await journey.AgentConversation("focus-executed-timeout", 398);
        await Simulator.SetFaults(new JsonObject { ["api_timeout_after_handling_rate"] = 1.0, ["api_timeout_delay"] = "00:00:00.300" });
        try
        {
            await Accepted(customer.SendMessage("focus-timeout-1", "are you there?"));
            await Eventually.Until(Simulator.Calls, calls => calls.Any(c => Str(c!.AsObject(), "outcome") == "fault_timeout_after_handling" && (Str(c!.AsObject(), "body") ?? "").Contains("focus-timeout-1", StringComparison.Ordinal)), "the message stored, then timed out");
        }
        finally
        {
            await Simulator.SetFaults(new JsonObject { ["api_timeout_after_handling_rate"] = 0.0 });
        }

        await customer.StateWhere(s => s["pending_udesk_calls"]!.GetValue<int>() == 0, "the outbox drained");
        Assert.Equal(1, journey.Udesk.World.EffectsOf(customer.CustomerToken).CustomerMessages["focus-timeout-1"]);
        Assert.Equal(["focus-timeout-1"], Ids(await Simulator.Session(session), "customer_message_ids"));
        var story = (await customer.Events(includeInternal: true))["events"]!.AsArray().Select(e => e!.AsObject())
            .Where(e => Str(e, "message_id") == "focus-timeout-1").Select(e => Str(e, "type")).ToList();
        Assert.Equal(["customer_message", "customer_message_delivered"], story);
    }

    [Fact]
    public async Task A_session_Udesk_closed_silently_refuses_the_next_message_and_closes_the_conversation()
    {
        var (customer, session) = await journey.AgentConversation("focus-silent-close", 399);
        await Simulator.Post($"sessions/{session}/close-silently");

        await Accepted(customer.SendMessage("focus-silent-1", "hello?"));
        var closed = await customer.StateWhere(s => Str(s, "state") == "closed" && s["pending_udesk_calls"]!.GetValue<int>() == 0, "closed after the refusal");

        var story = (await customer.Events(includeInternal: true))["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var refused = Assert.Single(story, e => Str(e, "type") == "customer_message_refused");
        Assert.Equal("focus-silent-1", Str(refused, "message_id"));
        Assert.Equal("session_closed", refused["data"]!["consequence"]!.GetValue<string>());
        Assert.Equal(9200, refused["data"]!["udesk_code"]!.GetValue<int>());
        Assert.DoesNotContain(story, e => Str(e, "type") == "customer_message_delivered");
        Assert.Contains(story, e => Str(e, "type") == "closed" && e["seq"]!.GetValue<long>() > refused["seq"]!.GetValue<long>());
        Assert.Equal("closed", Str(closed!, "state"));
        Assert.False(journey.Udesk.World.EffectsOf(customer.CustomerToken).CustomerMessages.ContainsKey("focus-silent-1"));

        using var after = await customer.SendMessage("focus-silent-2", "still there?");
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }

    [Fact]
    public async Task A_queue_place_Udesk_dropped_silently_refuses_the_next_message_and_closes_the_conversation()
    {
        // Lucy's places are all taken, so the customer queues for her.
        await Simulator.SetAgent(399, new JsonObject { ["capacity"] = 0 });
        var customer = journey.Customer("focus-queue-drop");
        try
        {
            await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 399 }));
            await customer.StateWhere(s => Str(s, "state") == "queued" && s["pending_udesk_calls"]!.GetValue<int>() == 0, "queued");
            await Simulator.Post($"queue/{customer.CustomerToken}/drop");

            await Accepted(customer.SendMessage("focus-dropped-1", "still waiting"));
            await customer.StateWhere(s => Str(s, "state") == "closed" && s["pending_udesk_calls"]!.GetValue<int>() == 0, "closed after the refusal");
        }
        finally
        {
            await Simulator.SetAgent(399, new JsonObject { ["capacity"] = 100 });
        }

        var story = (await customer.Events(includeInternal: true))["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var refused = Assert.Single(story, e => Str(e, "type") == "customer_message_refused");
        Assert.Equal("session_closed", refused["data"]!["consequence"]!.GetValue<string>());
        Assert.Empty(journey.Udesk.World.EffectsOf(customer.CustomerToken).SessionsCreated);
    }

    [Fact]
    public async Task A_transfer_survey_executed_then_answered_5xx_is_counted_once_and_recorded_unconfirmed()
    {
        var customer = journey.Customer("focus-survey-5xx");
        await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "urobot", ["robot_id"] = DefaultWorld.UrobotId, ["scene_id"] = DefaultWorld.SceneId }));
        await customer.StateWhere(s => Str(s, "state") == "urobot" && s["pending_udesk_calls"]!.GetValue<int>() == 0, "urobot session");

        await Simulator.SetFaults(new JsonObject { ["api_error_after_handling_rate"] = 1.0 });
        try
        {
            await Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = 398 }));
            await Eventually.Until(Simulator.Calls, calls => calls.Any(c => Str(c!.AsObject(), "outcome") == "fault_error_after_handling" && Str(c!.AsObject(), "path")!.EndsWith("/im/sessions/transfer_survey", StringComparison.Ordinal)), "the survey counted, then answered 503");
        }
        finally
        {
            await Simulator.SetFaults(new JsonObject { ["api_error_after_handling_rate"] = 0.0 });
        }

        await customer.StateWhere(s => Str(s, "state") == "agent" && s["pending_udesk_calls"]!.GetValue<int>() == 0, "agent session, nothing pending");
        var effects = journey.Udesk.World.EffectsOf(customer.CustomerToken);
        Assert.Equal(1, effects.TransferSurveys);
        Assert.Single(effects.SessionsCreated, s => s.AssignType == "agent");
        var completions = (await customer.Events(includeInternal: true))["events"]!.AsArray().Select(e => e!.AsObject())
            .Where(e => Str(e, "type") == "udesk_call_completed").Select(e => e["data"]!["outcome"]!.GetValue<string>()).ToList();
        Assert.Contains("Unconfirmed", completions);
        Assert.Single(await Simulator.Calls(), c => Str(c!.AsObject(), "path")!.EndsWith("/im/sessions/transfer_survey", StringComparison.Ordinal));
    }
}

/// <summary>A simulator with the given quirks and faults, and the service in front of it sized to Udesk's budget.</summary>
internal sealed class QuirkyUdesk : IAsyncDisposable
{
    private const int CallsPerMinute = 600;

    private QuirkyUdesk(UdeskSimulatorServer udesk, OrchestratorInstance orchestrator)
    {
        Udesk = udesk;
        Orchestrator = orchestrator;
        Simulator = new SimulatorControl(udesk);
    }

    public UdeskSimulatorServer Udesk { get; }

    public OrchestratorInstance Orchestrator { get; }

    public SimulatorControl Simulator { get; }

    public PlatformApi Customer(string token) => new(Orchestrator.Http, token);

    public static async Task<QuirkyUdesk> StartAsync(int seed, QuirkOptions quirks, FaultOptions faults)
    {
        var udesk = await UdeskSimulatorServer.StartAsync(new SimulatorOptions
        {
            Seed = seed,
            // A bigger company budget keeps the run short; the service is told the same budget, so it must keep to it.
            CompanyCallsPerMinute = CallsPerMinute,
            PushRetryBaseDelay = TimeSpan.FromMilliseconds(200),
            PushRetryMaxDelay = TimeSpan.FromSeconds(2),
            Quirks = quirks,
            Faults = faults,
        });
        try
        {
            var orchestrator = await OrchestratorInstance.StartAsync(udesk, settings: new Dictionary<string, string?>
            {
                ["Orchestrator:Udesk:Limits:CallsPerMinute"] = CallsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Orchestrator:Conversations:RetryMaxBackoff"] = "00:00:01",
                // Longer than the simulator's ApiTimeoutDelay: the executed-then-timed-out call comes back 504.
                [$"Orchestrator:Tenants:{OrchestratorInstance.Tenant}:Udesk:Resilience:AttemptTimeout"] = "00:00:05",
            });
            return new QuirkyUdesk(udesk, orchestrator);
        }
        catch
        {
            await udesk.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Orchestrator.DisposeAsync();
        Simulator.Dispose();
        await Udesk.DisposeAsync();
    }
}
