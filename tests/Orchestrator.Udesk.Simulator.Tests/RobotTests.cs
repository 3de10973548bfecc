using System.Text.Json.Nodes;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Robots;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Udesk.Simulator.Tests.Support;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>The knowledge-base robot and the urobot: answers, ratings, clicks and statistics.</summary>
public sealed class RobotTests
{
    [Fact]
    public async Task A_knowledge_base_answer_can_be_rated_but_a_greeting_cannot()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Client.CreateSessionAsync(new CreateSessionRequest("c"));
        await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Robot(), "q-1", new MessageContent { Content = "where is it located?" }));
        await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Robot(), "q-2", new MessageContent { Content = "hi" }));
        await Eventually.True(() => sim.Receiver.Delivered.Count == 2, "both answers are pushed");
        var answer = sim.Receiver.Delivered[0].Message(0);
        var greeting = sim.Receiver.Delivered[1].Message(0);

        var useful = await sim.Client.RateRobotAnswerAsync(new RobotUsefulnessRequest("c", answer["message_id"]!.ToString(), 210531, true));
        var wrongQuestion = await sim.Client.RateRobotAnswerAsync(new RobotUsefulnessRequest("c", answer["message_id"]!.ToString(), 210530, false));
        var ofGreeting = await sim.Client.RateRobotAnswerAsync(new RobotUsefulnessRequest("c", greeting["message_id"]!.ToString(), 0, true));
        var otherCustomer = await sim.Client.RateRobotAnswerAsync(new RobotUsefulnessRequest("d", answer["message_id"]!.ToString(), 210531, true));

        Assert.Equal((210531, "Beijing, China."), (answer["data"]!["question_id"]!.GetValue<long>(), answer["data"]!["answer"]!.ToString()));
        Assert.Equal(["What are the contact details"], answer["data"]!["relate_list"]!.AsArray().Select(q => q!["question_title"]!.ToString()));
        Assert.True(useful.IsSuccess, useful.ToString());
        Assert.Equal(22062, wrongQuestion.Error?.Code);
        Assert.Equal(22062, ofGreeting.Error?.Code);
        Assert.Equal(19200, otherCustomer.Error?.Code);
    }

    [Fact]
    public async Task The_robot_refuses_without_a_robot_session_and_takes_only_text()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var noSession = await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Robot(), "q-1", new MessageContent { Content = "hi" }));
        await sim.Client.CreateSessionAsync(new CreateSessionRequest("c"));
        var image = await sim.SendAsync(HttpMethod.Post, "im/messages", """{"customer_token":"c","im_sub_session_id":0,"message_id":"q-2","type":"image","data":{"content":"https://x/1.png"}}""");
        var noId = await sim.SendAsync(HttpMethod.Post, "im/messages", """{"customer_token":"c","im_sub_session_id":0,"data":{"content":"hi"}}""");
        var text = await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Robot(), "q-1", new MessageContent { Content = "hi" }));

        Assert.Equal(19200, noSession.Error?.Code);
        Assert.Equal(22062, image.Code);
        Assert.Equal(22062, noId.Code);
        Assert.True(text.IsSuccess, text.ToString());
    }

    [Theory]
    [InlineData("hello", 4, "Hello, it's my pleasure to serve you!")]
    [InlineData("Question 1", 2, "Answer 1")]
    [InlineData("a question about something", 3, "Do you want to ask:")]
    [InlineData("you are stupid", 8, "Please mind your language.")]
    [InlineData("xyzzy plugh", 6, "Sorry, I did not understand. Could you rephrase?")]
    public async Task The_urobot_answers_with_the_spec_answer_types(string asked, int ansType, string ansContent)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var sessionId = await UrobotSessionAsync(sim, "c");

        var sent = await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Urobot(12362, 39, sessionId), "", new MessageContent { Content = asked }));

        Assert.True(sent.IsSuccess, sent.ToString());
        await Eventually.True(() => sim.Receiver.Delivered.Count == 1, "the answer is pushed");
        var answer = sim.Receiver.Delivered[0].Json["messages"]!.AsObject();
        Assert.Equal((ansType, ansContent), (answer["ansType"]!.GetValue<int>(), answer["ansContent"]!.ToString()));
        Assert.Equal(sessionId, answer["sessionId"]!.GetValue<long>());
        if (ansType is 2 or 3)
        {
            Assert.NotEmpty(answer["suggestQuestionList"]!.AsArray());
        }
    }

    [Fact]
    public async Task The_urobot_finds_the_customers_session_without_its_id_but_not_a_foreign_one()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var mine = await UrobotSessionAsync(sim, "c");
        var theirs = await UrobotSessionAsync(sim, "d");

        var withoutId = await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Urobot(12362, 39, null), "", new MessageContent { Content = "hello" }));
        var foreign = await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Urobot(12362, 39, theirs), "", new MessageContent { Content = "hello" }));
        var noRobot = await sim.SendAsync(HttpMethod.Post, "im/messages", $$$"""{"customer_token":"c","im_sub_session_id":-1,"urobot_session_id":{{{mine}}},"data":{"content":"hi"}}""");

        Assert.True(withoutId.IsSuccess, withoutId.ToString());
        Assert.Equal(19200, foreign.Error?.Code);
        Assert.Equal(22062, noRobot.Code);
        await Eventually.True(() => sim.Receiver.Delivered.Count == 1, "the answer is pushed");
        Assert.Equal(mine, sim.Receiver.Delivered[0].Json["messages"]!["sessionId"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_spec_examples_of_urobot_ratings_clicks_and_statistics_work_with_real_ids()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var sessionId = await UrobotSessionAsync(sim, "1234121123123");
        await sim.Client.SendMessageAsync(new SendMessageRequest("1234121123123", new MessageTarget.Urobot(12362, 39, sessionId), "", new MessageContent { Content = "Account appeal" }));
        await Eventually.True(() => sim.Receiver.Delivered.Count == 1, "the answer is pushed");
        var logId = sim.Receiver.Delivered[0].Json["messages"]!["logId"]!.GetValue<long>();

        var robotSurvey = await sim.SendAsync(HttpMethod.Post, "im/sessions/robot_survey", With("request-robot-survey.json", ("im_sub_session_id", sessionId), ("robot_id", 12362)));
        var answerSurvey = await sim.SendAsync(HttpMethod.Post, "im/messages/answer_survey", With("request-answer-survey.json", ("customer_token", "1234121123123"), ("message_id", logId), ("im_sub_session_id", sessionId), ("robot_id", 12362), ("scene_id", 39)));
        var hit = await sim.SendAsync(HttpMethod.Post, "im/messages/hit", With("request-hit.json", ("customer_token", "1234121123123"), ("message_id", logId), ("im_sub_session_id", sessionId), ("robot_id", 12362), ("scene_id", 39)));
        var transfer = await sim.SendAsync(HttpMethod.Post, "im/sessions/transfer_survey", With("request-transfer-survey.json", ("im_sub_session_id", sessionId.ToString()), ("robot_id", 12362), ("scene_id", 39)));

        JsonShape.Of(@fixed: ["code", "message"]).AssertMatches(Fixture.Json("response-feedback.json"), robotSurvey.Json);
        JsonShape.Of(@fixed: ["code", "message"]).AssertMatches(Fixture.Json("response-feedback.json"), answerSurvey.Json);
        Assert.Equal(1000, hit.Code);
        JsonShape.Of(@fixed: ["code", "message"]).AssertMatches(Fixture.Json("response-transfer-survey.json"), transfer.Json);
    }

    [Fact]
    public async Task Urobot_feedback_on_unknown_sessions_answers_or_options_is_refused()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var sessionId = await UrobotSessionAsync(sim, "c");

        var literalSurvey = await sim.SendAsync(HttpMethod.Post, "im/sessions/robot_survey", Fixture.Text("request-robot-survey.json"));
        var literalFlow = await sim.SendAsync(HttpMethod.Post, "im/messages/flow", Fixture.Text("request-flow.json"));
        var badOption = await sim.Client.SubmitUrobotSurveyAsync(new UrobotSurveyRequest("c", sessionId, 5, 12362, 39));
        var unknownAnswer = await sim.Client.SubmitAnswerSurveyAsync(new AnswerSurveyRequest("c", 1, sessionId, 1, 12362, 39));
        var good = await sim.Client.SubmitUrobotSurveyAsync(new UrobotSurveyRequest("c", sessionId, 2, 12362, 39) { Remark = "Very good" });

        Assert.Equal(19200, literalSurvey.Code);
        // The spec's flow example carries no flow_id.
        Assert.Equal(22062, literalFlow.Code);
        Assert.Contains("flow_id", literalFlow.Json!["message"]!.ToString());
        Assert.Equal(2062, badOption.Error?.Code);
        Assert.Equal(2062, unknownAnswer.Error?.Code);
        Assert.True(good.IsSuccess, good.ToString());
    }

    [Fact]
    public async Task The_urobot_list_and_an_unknown_robot_are_answered()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var missingScene = await sim.SendAsync(HttpMethod.Post, "im/sessions", """{"customer_token":"c","assign_type":"urobot","robot_id":12362}""");
        var unknownRobot = await sim.Client.CreateSessionAsync(new CreateSessionRequest("c") { AssignType = AssignType.Urobot, RobotId = 1, SceneId = 39 });
        var list = (await sim.Client.GetUrobotsAsync()).GetValueOrThrow();

        Assert.Equal(22062, missingScene.Code);
        Assert.Equal(2062, unknownRobot.Error?.Code);
        var robot = Assert.Single(list.UrobotList!);
        Assert.Equal([39L], robot.SceneList!.Select(s => s.Id));
    }

    private static async Task<long> UrobotSessionAsync(SimulatorHarness sim, string customer)
    {
        var body = Fixture.Json("request-create-session-urobot.json").AsObject();
        body["customer_token"] = customer;
        var answer = await sim.SendAsync(HttpMethod.Post, "im/sessions", body.ToJsonString());
        Assert.Equal(1000, answer.Code);
        return answer.Json!["assign_info"]!["sessionId"]!.GetValue<long>();
    }

    /// <summary>A spec example with the ids it names replaced by ones the simulator knows.</summary>
    private static string With(string fixture, params (string Name, object Value)[] replacements)
    {
        var body = Fixture.Json(fixture).AsObject();
        foreach (var (name, value) in replacements)
        {
            body[name] = JsonValue.Create(value);
        }

        return body.ToJsonString();
    }
}
