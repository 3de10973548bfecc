using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Logging;

namespace Orchestrator.Host.Tests;

/// <summary>
/// Urobot and robot routes: Udesk gets the urobot session's id as <c>im_sub_session_id</c>, with the robot and scene
/// the conversation was started with, and the customer token; a conversation without a urobot session is 409.
/// </summary>
public sealed class UrobotRouteTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    [Theory]
    [InlineData("robot-survey", "im/sessions/robot_survey", "{\"option_id\":2,\"remark\":\"fine\"}")]
    [InlineData("flow", "im/messages/flow", "{\"flow_id\":81}")]
    [InlineData("transfer-survey", "im/sessions/transfer_survey", null)]
    public async Task A_urobot_route_calls_Udesk_with_the_conversations_urobot_session(string route, string udeskPath, string? body)
    {
        var token = $"urobot-{route}";
        var state = await host.WithUrobot(token);

        using var content = new StringContent(body ?? "", System.Text.Encoding.UTF8, "application/json");
        await host.Http.PostAsync($"v1/conversations/{token}/{route}", body is null ? null : content).Expect(HttpStatusCode.OK);

        var sent = Assert.Single(host.CallsTo(udeskPath), c => c.BodyJson()["im_sub_session_id"]!.GetValue<long>() == state["urobot_session_id"]!.GetValue<long>()).BodyJson();
        Assert.Equal(DefaultWorld.UrobotId, sent["robot_id"]!.GetValue<long>());
        Assert.Equal(DefaultWorld.SceneId, sent["scene_id"]!.GetValue<long>());
        if (route != "transfer-survey")
        {
            Assert.Equal(token, sent.Str("customer_token"));
        }
    }

    [Fact]
    public async Task Answer_ratings_and_clicks_name_the_urobot_answer()
    {
        const string token = "urobot-answer";
        var sessionId = (await host.WithUrobot(token))["urobot_session_id"]!.GetValue<long>();
        var answer = host.Udesk.World.UrobotSessions.Single(s => s.SessionId == sessionId).LogIds[0];

        await host.Http.PostJson($"v1/conversations/{token}/answer-survey", new JsonObject { ["message_id"] = answer, ["option_id"] = 2 }).Expect(HttpStatusCode.OK);
        await host.Http.PostJson($"v1/conversations/{token}/hit", new JsonObject { ["message_id"] = answer, ["query_type"] = 1, ["question"] = "Question 1" })
            .Expect(HttpStatusCode.OK);

        var rating = Assert.Single(host.CallsTo("im/messages/answer_survey"), c => c.BodyJson().Str("customer_token") == token).BodyJson();
        Assert.Equal((answer, 2L, sessionId), (rating["message_id"]!.GetValue<long>(), rating["option_id"]!.GetValue<long>(), rating["im_sub_session_id"]!.GetValue<long>()));
        var hit = Assert.Single(host.CallsTo("im/messages/hit"), c => c.BodyJson().Str("customer_token") == token).BodyJson();
        Assert.Equal((answer, 1, DefaultWorld.UrobotId), (hit["message_id"]!.GetValue<long>(), hit["query_type"]!.GetValue<int>(), hit["robot_id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Urobot_routes_are_409_without_a_urobot_session_and_400_with_a_bad_option()
    {
        await host.WithAgent("urobot-none");

        await host.Http.PostJson("v1/conversations/urobot-none/robot-survey", new JsonObject { ["option_id"] = 2 }).ExpectProblem(HttpStatusCode.Conflict);
        await host.Http.PostAsync("v1/conversations/urobot-none/transfer-survey", null).ExpectProblem(HttpStatusCode.Conflict);
        await host.Http.PostJson("v1/conversations/urobot-none/robot-survey", new JsonObject { ["option_id"] = 5 })
            .ExpectProblem(HttpStatusCode.BadRequest, "option_id");
        await host.Http.PostJson("v1/conversations/urobot-none/hit", new JsonObject { ["message_id"] = 1 }).ExpectProblem(HttpStatusCode.BadRequest, "query_type");
        await host.Http.PostJson("v1/conversations/urobot-nobody/flow", new JsonObject { ["flow_id"] = 81 }).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_robot_answer_is_rated_useful_by_its_message_id()
    {
        const string token = "robot-usefulness";
        await host.WithRobot(token);
        await PlatformApi.Accepted(new PlatformApi(host.Http, token).SendMessage("robot-q-1", "what is your business"));
        var push = await Eventually.Until(
            () => Task.FromResult(host.Udesk.Log.Pushes.FirstOrDefault(p => p.OrderingKey == token && p.Kind == "robot" && p.Outcome == PushOutcome.Delivered)),
            p => p is not null,
            "the robot's answer pushed");

        await host.Http.PostJson($"v1/conversations/{token}/robot-usefulness", new JsonObject
        {
            ["message_id"] = push!.MessageIds[0],
            ["question_id"] = 210530,
            ["useful"] = true,
        }).Expect(HttpStatusCode.OK);

        var rating = Assert.Single(host.CallsTo("im/messages/useful"), c => c.BodyJson().Str("customer_token") == token).BodyJson();
        Assert.Equal(push.MessageIds[0], rating.Str("message_id"));
        Assert.True(rating["useful"]!.GetValue<bool>());
        await host.Http.PostJson($"v1/conversations/{token}/robot-usefulness", new JsonObject { ["message_id"] = "x", ["question_id"] = 0, ["useful"] = true })
            .ExpectProblem(HttpStatusCode.BadRequest, "question_id");
    }
}
