using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Pushes;
using Orchestrator.Udesk.Robots;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Simulator.Tests.Support;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>Every push is checked against the spec's literal example, and read back by the client's parser.</summary>
public sealed class PushFormatTests
{
    private static readonly string[] GeneratedAgentFields = ["messages[].data.content"];

    [Fact]
    public async Task A_robot_answer_has_the_spec_robot_format()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Client.CreateSessionAsync(new CreateSessionRequest("axb"));

        var sent = await sim.Client.SendMessageAsync(new SendMessageRequest("axb", new MessageTarget.Robot(), "q-1", new MessageContent { Content = "What is the company's business?" }));

        Assert.True(sent.IsSuccess, sent.ToString());
        var push = await SinglePush(sim);
        JsonShape.Of(@fixed:
            [
                "customer_token", "assign_type", "messages[].type", "messages[].data.question_id", "messages[].data.question_title",
                "messages[].data.gus_list[].question_title", "messages[].data.relate_list[].question_title", "messages[].data.third_url.url",
            ])
            .AssertMatches(Fixture.Json("push-robot.json"), push.Json);
        var reply = Assert.IsType<RobotReplyMessage>(Assert.Single(Parse(push).Messages));
        Assert.Equal(210530, reply.Data!.QuestionId);
    }

    [Fact]
    public async Task A_greeting_and_an_unknown_question_come_from_question_0()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Client.CreateSessionAsync(new CreateSessionRequest("c"));

        await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Robot(), "m-1", new MessageContent { Content = "hello" }));
        await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Robot(), "m-2", new MessageContent { Content = "quantum chromodynamics" }));

        await Eventually.True(() => sim.Receiver.Delivered.Count == 2, "both answers are pushed");
        var answers = sim.Receiver.DeliveredMessages.Select(m => m["data"]!).ToList();
        Assert.All(answers, a => Assert.Equal(0, a["question_id"]!.GetValue<long>()));
        Assert.Equal(sim.Options.World.Robot.WelcomeMessage, answers[0]["answer"]!.ToString());
        Assert.Equal(sim.Options.World.Robot.UnknownMessage, answers[1]["answer"]!.ToString());
    }

    [Fact]
    public async Task A_urobot_answer_has_the_spec_urobot_format_with_a_single_message_object()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = (await sim.Client.CreateSessionAsync(new CreateSessionRequest("axb") { AssignType = AssignType.Urobot, RobotId = 12362, SceneId = 39 })).GetValueOrThrow().Outcome;
        var sessionId = Assert.IsType<SessionAssignment.Urobot>(session).UrobotSessionId;

        var sent = await sim.Client.SendMessageAsync(new SendMessageRequest("axb", new MessageTarget.Urobot(12362, 39, sessionId), "", new MessageContent { Content = "Account appeal" }));

        Assert.True(sent.IsSuccess, sent.ToString());

        var push = await SinglePush(sim);
        Assert.Equal("urobot", push.Json["assign_type"]!.ToString());
        var message = Assert.IsType<JsonObject>(push.Json["messages"]);
        JsonShape.Of(@fixed: ["ansContent", "hitQuestion", "suggestQuestionList[].type"]).AssertMatches(Fixture.Json("push-urobot-message.json"), message);
        Assert.Equal(sessionId, message["sessionId"]!.GetValue<long>());
        var parsed = Assert.IsType<UrobotReplyMessage>(Assert.Single(Parse(push).Messages));
        Assert.Equal([2122L, 3222L], parsed.SuggestQuestionList!.Select(s => s.Id!.Value));
    }

    [Fact]
    public async Task A_urobot_flow_offers_data_type_2_items_that_can_be_chosen()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var sessionId = Assert.IsType<SessionAssignment.Urobot>((await sim.Client.CreateSessionAsync(new CreateSessionRequest("c") { AssignType = AssignType.Urobot, RobotId = 12362, SceneId = 39 })).GetValueOrThrow().Outcome).UrobotSessionId!.Value;

        await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Urobot(12362, 39, sessionId), "", new MessageContent { Content = "I forgot my password" }));
        var flow = (await SinglePush(sim)).Json["messages"]!;
        var choices = Regex.Matches(flow["flowContent"]!.ToString(), "data-type=\"2\"[^>]*data-id=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value)).ToList();
        var chosen = await sim.Client.SelectFlowAsync(new FlowRequest("c", sessionId, choices[0], 12362, 39));
        var unknown = await sim.Client.SelectFlowAsync(new FlowRequest("c", sessionId, 999, 12362, 39));

        Assert.Equal([81L, 82L], choices);
        Assert.True(chosen.IsSuccess, chosen.ToString());
        Assert.Equal(2062, unknown.Error?.Code);
        await Eventually.True(() => sim.Receiver.Delivered.Count == 2, "the chosen step is pushed");
        var step = sim.Receiver.Delivered[1].Json["messages"]!;
        Assert.Equal((81, "Forgot password"), (step["flowId"]!.GetValue<long>(), step["flowTitle"]!.ToString()));
    }

    [Fact]
    public async Task Agent_pushes_have_the_spec_agent_format_start_welcome_reply_and_close()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var example = Fixture.Json("push-agent.json")["messages"]!.AsArray();
        var session = Assert.IsType<SessionAssignment.Agent>((await sim.Client.CreateSessionAsync(new CreateSessionRequest("axb") { AgentId = 397 })).GetValueOrThrow().Outcome);

        sim.Server.World.AgentReply(session.ImSubSessionId, "rich", new JsonObject { ["content"] = "<a href=\"https://xxx.com/1.png\">Hot sale.com</a>" });
        sim.Server.World.Close(session.ImSubSessionId, "force");

        await Eventually.True(() => sim.Receiver.Delivered.Count == 3, "three batches are pushed");
        var batches = sim.Receiver.Delivered.Select(p => p.Json).ToList();
        var shape = JsonShape.Of(@fixed: ["customer_token", "assign_type", "messages[].type", "messages[].agent_avatar"], optional: ["messages[].data.font"], skip: ["messages[].data.survey_options"]);
        shape.AssertMatches(Batch(example[0], example[1]), batches[0]);
        shape.AssertMatches(Batch(example[2]), batches[1]);
        shape.AssertMatches(Batch(example[3]), batches[2]);
        Assert.Equal("Dialogue started", batches[0]["messages"]![0]!["data"]!["content"]!.ToString());
        Assert.Equal(session.ImSubSessionId, batches[2]["messages"]![0]!["im_sub_session_id"]!.GetValue<long>());
        Assert.Matches(@"^\d{8} \d{2}:\d{2}:\d{2}$", batches[0]["messages"]![0]!["message_created_at"]!.ToString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", batches[2]["messages"]![0]!["message_created_at"]!.ToString());
        var close = batches[2]["messages"]![0]!["data"]!;
        Assert.Equal("force", close["close_type"]!.ToString());
        AssertSpecSurveyOptions(close["survey_options"]!);

        var parsed = sim.Receiver.Delivered.SelectMany(p => Parse(p).Messages).Cast<AgentReplyMessage>().ToList();
        Assert.Equal(["start_session", "message", "rich", "close"], parsed.Select(m => m.Kind));
        Assert.Equal("force", parsed[3].Data!.CloseType);
        Assert.Equal([36L, 37, 38, 39, 40], parsed[3].Data!.SurveyOptions!.Options!.Select(o => o.Id!.Value));
    }

    [Fact]
    public async Task The_session_answers_have_the_spec_shapes()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var robot = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"r"}""");
        var urobot = await sim.SendAsync(HttpMethod.Post, "im/sessions", Fixture.Text("request-create-session-urobot.json"));
        var agent = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"a","agent_id":397}""");
        sim.Server.World.SetAgent(397, capacity: 1);
        var queued = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"q","agent_id":397}""");
        sim.Server.World.SetAgent(399, World.ImStatus.Offline);
        var offline = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"o","agent_id":399}""");

        JsonShape.Of(@fixed: ["code", "message", "assign_type", "assign_info.robot_avatar"]).AssertMatches(Fixture.Json("response-create-session-robot.json"), robot.Json);
        JsonShape.Of(@fixed: ["code", "message", "assign_type", "assign_info.sessionId", "assign_info.logId", "assign_info.robotName", "assign_info.leadingWord", "assign_info.helloWord", "assign_info.topAsk[].quesitionType", "assign_info.topAsk[].quesitionTypeId"])
            .AssertMatches(Fixture.Json("response-create-session-urobot.json"), urobot.Json);
        JsonShape.Of(@fixed: ["code", "message", "assign_type", "assign_info.count", "assign_info.agent_name", "assign_info.agent_avatar"], skip: ["assign_info.survey_options"])
            .AssertMatches(Fixture.Json("response-create-session-agent.json"), Fixture.Parse(agent.Json!.ToJsonString().Replace("https://123.com/1.png", "")));
        AssertSpecSurveyOptions(agent.Json!["assign_info"]!["survey_options"]!);
        JsonShape.Of(@fixed: ["code", "assign_type"]).AssertMatches(Fixture.Json("response-create-session-queued.json"), queued.Json);
        Assert.Equal("The current customer service is busy, you are in the 1st place in line.", queued.Json!["message"]!.ToString());
        JsonShape.Of(@fixed: ["code", "message", "assign_type", "assign_info.count"]).AssertMatches(Fixture.Json("response-create-session-offline.json"), offline.Json);
    }

    [Fact]
    public async Task The_urobot_list_has_the_spec_shape()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var answer = await sim.SendAsync(HttpMethod.Get, "im/urobots");

        JsonShape.Of(@fixed: ["code", "message", "urobot_list[].logo"]).AssertMatches(Fixture.Json("response-urobots.json"), answer.Json);
        Assert.Equal(12362, (await sim.Client.GetUrobotsAsync()).GetValueOrThrow().UrobotList!.Single().Id);
    }

    [Fact]
    public async Task The_agent_reading_customer_messages_is_pushed_as_a_read_status()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = Assert.IsType<SessionAssignment.Agent>((await sim.Client.CreateSessionAsync(new CreateSessionRequest("c") { AgentId = 397 })).GetValueOrThrow().Outcome);
        await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.AgentSession(session.ImSubSessionId), "c-1", new MessageContent { Content = "hi" }));
        await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.AgentSession(session.ImSubSessionId), "c-2", new MessageContent { Content = "https://x/1.png" }) { Type = MessageType.Image });
        var unreadBefore = (await sim.Client.GetAgentUnreadMessagesAsync([397, 398])).GetValueOrThrow().Results!;

        var read = sim.Server.World.AgentReadsCustomerMessages(session.ImSubSessionId);

        Assert.Equal([2, 0], unreadBefore.Select(r => r.UnreadSessionMessageNum!.Value));
        Assert.Equal(["c-1", "c-2"], read);
        await Eventually.True(() => sim.Receiver.Delivered.Count == 2, "the read status is pushed");
        var status = sim.Receiver.Delivered[1].Json.AsObject();
        Assert.Equal(["session_id", "message_ids"], status.Select(p => p.Key));
        Assert.Equal(session.ImSubSessionId, status["session_id"]!.GetValue<long>());
        var parsed = Assert.IsType<ReadStatusNotification>(UdeskPushParser.Parse(System.Text.Encoding.UTF8.GetBytes(sim.Receiver.Delivered[1].Body)));
        Assert.Equal(["c-1", "c-2"], parsed.MessageIds);
        Assert.Equal(0, (await sim.Client.GetAgentUnreadMessagesAsync([397])).GetValueOrThrow().Results!.Single().UnreadSessionMessageNum);
    }

    /// <summary>The parts of the spec's survey_options section that are JSON as written, exactly.</summary>
    internal static void AssertSpecSurveyOptions(JsonNode surveyOptions)
    {
        var spec = Fixture.Json("survey-options-compatible.json").AsObject();
        foreach (var (name, value) in spec)
        {
            Assert.True(JsonNode.DeepEquals(value, surveyOptions[name]), $"survey_options.{name} differs from the spec: {surveyOptions[name]?.ToJsonString()}");
        }

        foreach (var field in new[] { "enabled", "name", "title", "desc", "remark_enabled", "remark", "show_type" })
        {
            Assert.NotNull(surveyOptions[field]);
        }

        Assert.NotNull(surveyOptions[surveyOptions["show_type"]!.ToString()]?["options"]);
    }

    private static JsonObject Batch(params JsonNode?[] messages) => new()
    {
        ["customer_token"] = "axb",
        ["assign_type"] = "agent",
        ["messages"] = new JsonArray(messages.Select(m => m!.DeepClone()).ToArray()),
    };

    private static async Task<ReceivedPush> SinglePush(SimulatorHarness sim)
    {
        await Eventually.True(() => sim.Receiver.Delivered.Count >= 1, "a push arrives");
        return sim.Receiver.Delivered[0];
    }

    private static ReplyNotification Parse(ReceivedPush push) =>
        Assert.IsType<ReplyNotification>(UdeskPushParser.Parse(System.Text.Encoding.UTF8.GetBytes(push.Body)));
}
