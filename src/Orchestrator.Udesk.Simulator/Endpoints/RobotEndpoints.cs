using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Endpoints;

/// <summary>
/// The robot and urobot interfaces. The spec names no path for the robot Q&amp;A usefulness rating; the simulator
/// serves it at <c>im/messages/useful</c>, where the client's <c>RobotUsefulnessPath</c> points by default.
/// </summary>
internal sealed class RobotEndpoints(SimulatorWorld world)
{
    public const string UsefulnessPath = "im/messages/useful";

    private static readonly long[] UrobotSurveyOptions = [2, 3, 4];
    private static readonly long[] AnswerSurveyOptions = [1, 2];

    public void Map(IEndpointRouteBuilder routes, OpenApiPipeline pipeline)
    {
        pipeline.Map(routes, "POST", UsefulnessPath, AuthScheme.OpenApi, RateAnswer);
        pipeline.Map(routes, "POST", "im/sessions/robot_survey", AuthScheme.OpenApi, UrobotSurvey);
        pipeline.Map(routes, "POST", "im/messages/answer_survey", AuthScheme.OpenApi, AnswerSurvey);
        pipeline.Map(routes, "POST", "im/messages/flow", AuthScheme.OpenApi, Flow);
        pipeline.Map(routes, "POST", "im/messages/hit", AuthScheme.OpenApi, Hit);
        pipeline.Map(routes, "GET", "im/urobots", AuthScheme.OpenApi, Urobots);
        pipeline.Map(routes, "POST", "im/sessions/transfer_survey", AuthScheme.OpenApi, TransferSurvey);
    }

    private UdeskReply RateAnswer(OpenApiRequest request)
    {
        var token = request.String("customer_token");
        var messageId = request.String("message_id");
        var questionId = request.Long("question_id");
        var useful = request.Bool("useful");
        return Replies.Missing(UdeskCode.MissingParameters, ("customer_token", token), ("message_id", messageId), ("question_id", questionId), ("useful", useful))
            ?? Replies.From(world.RateRobotAnswer(token!, messageId!, questionId));
    }

    private UdeskReply UrobotSurvey(OpenApiRequest request)
    {
        var (token, sessionId, robotId, sceneId) = UrobotParameters(request);
        var option = request.Long("option_id");
        return Replies.Missing(UdeskCode.MissingParameters, ("customer_token", token), ("im_sub_session_id", sessionId), ("option_id", option), ("robot_id", robotId), ("scene_id", sceneId))
            ?? OptionProblem(option!.Value, UrobotSurveyOptions)
            ?? Replies.Feedback(world.RecordUrobotFeedback(sessionId!.Value, token, $"robot_survey option {option} remark '{request.String("remark")}'"));
    }

    private UdeskReply AnswerSurvey(OpenApiRequest request)
    {
        var (token, sessionId, robotId, sceneId) = UrobotParameters(request);
        var messageId = request.Long("message_id");
        var option = request.Long("option_id") ?? 1;
        return Replies.Missing(UdeskCode.MissingParameters, ("customer_token", token), ("message_id", messageId), ("im_sub_session_id", sessionId), ("robot_id", robotId), ("scene_id", sceneId))
            ?? OptionProblem(option, AnswerSurveyOptions)
            ?? Replies.Feedback(world.RecordUrobotFeedback(sessionId!.Value, token, $"answer_survey option {option}", messageId));
    }

    private UdeskReply Flow(OpenApiRequest request)
    {
        var (token, sessionId, robotId, sceneId) = UrobotParameters(request);
        var flowId = request.Long("flow_id");
        return Replies.Missing(UdeskCode.MissingParameters, ("customer_token", token), ("im_sub_session_id", sessionId), ("flow_id", flowId), ("robot_id", robotId), ("scene_id", sceneId))
            ?? Replies.From(world.SelectFlow(token!, sessionId!.Value, flowId!.Value));
    }

    private UdeskReply Hit(OpenApiRequest request)
    {
        var (token, sessionId, robotId, _) = UrobotParameters(request);
        var messageId = request.Long("message_id");
        var queryType = request.Long("query_type");
        return Replies.Missing(UdeskCode.MissingParameters, ("customer_token", token), ("im_sub_session_id", sessionId), ("message_id", messageId), ("robot_id", robotId), ("query_type", queryType))
            ?? Replies.From(world.RecordUrobotFeedback(sessionId!.Value, token, $"hit query_type {queryType} question '{request.String("question") ?? request.String("question_id")}'", messageId));
    }

    private UdeskReply TransferSurvey(OpenApiRequest request)
    {
        var (_, sessionId, robotId, sceneId) = UrobotParameters(request);
        return Replies.Missing(UdeskCode.MissingParameters, ("im_sub_session_id", sessionId), ("robot_id", robotId), ("scene_id", sceneId))
            ?? Replies.From(world.CountTransferSurvey(sessionId!.Value), ("message", "success"));
    }

    private UdeskReply Urobots(OpenApiRequest request)
    {
        var list = new JsonArray();
        foreach (var robot in world.Urobots)
        {
            var scenes = new JsonArray();
            foreach (var scene in robot.Scenes)
            {
                scenes.Add(new JsonObject { ["id"] = scene.Id, ["name"] = scene.Name });
            }

            list.Add(new JsonObject
            {
                ["id"] = robot.Id,
                ["name"] = robot.Name,
                ["logo"] = robot.Logo,
                ["scene_list"] = scenes,
                ["created_at"] = UdeskTime.Iso(robot.CreatedAt),
            });
        }

        return UdeskReply.Success(("message", "Request successful"), ("urobot_list", list));
    }

    private static (string? Token, long? SessionId, long? RobotId, long? SceneId) UrobotParameters(OpenApiRequest request) =>
        (request.String("customer_token"), request.Long("im_sub_session_id"), request.Long("robot_id"), request.Long("scene_id"));

    private static UdeskReply? OptionProblem(long option, long[] allowed) =>
        allowed.Contains(option) ? null : UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, $"option_id must be one of {string.Join(", ", allowed)}.");
}
