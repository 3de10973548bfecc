using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Control;
using Orchestrator.Udesk.Simulator.RateLimiting;
using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Endpoints;

/// <summary>Create, close and delete sessions, abandon the queue, message previews.</summary>
internal sealed class SessionEndpoints(SimulatorWorld world, RateLimiter limiter, SimulatorSettings settings, SimulatorRandom random)
{
    public void Map(IEndpointRouteBuilder routes, OpenApiPipeline pipeline)
    {
        pipeline.Map(routes, "POST", "im/sessions", AuthScheme.OpenApi, Create);
        pipeline.Map(routes, "DELETE", "im/sessions/destroy_session", AuthScheme.OpenApi, Destroy);
        pipeline.Map(routes, "DELETE", "im/sessions/close_queue", AuthScheme.OpenApi, AbandonQueue);
        pipeline.Map(routes, "DELETE", "im/sessions/{session_id}", AuthScheme.OpenApi, Close);
        pipeline.Map(routes, "PUT", "im/sessions/{session_id}/message_preview", AuthScheme.OpenApi, Preview);
    }

    private UdeskReply Create(OpenApiRequest request)
    {
        var token = request.String("customer_token");
        if (Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("customer_token", token)) is { } missing)
        {
            return missing;
        }

        var outcome = world.RequestSession(new SessionRequest(
            token!,
            request.String("assign_type"),
            request.Long("agent_id"),
            request.Long("group_id"),
            request.String("channel"),
            request.Long("robot_id"),
            request.Long("scene_id")));
        return outcome switch
        {
            SessionOutcome.Robot robot => Assigned("robot", RobotInfo(robot)),
            SessionOutcome.Urobot urobot => Assigned("urobot", UrobotInfo(urobot)),
            SessionOutcome.Agent { Fresh: true } when random.ApiFaultHappens(settings.Faults.AssignmentInProgressRate) => UdeskReply.WithCode(
                UdeskCode.Queued, ("message", "Customer service assignment in progress!"), ("assign_type", "agent"), ("assign_info", new JsonObject { ["count"] = 0 })),
            SessionOutcome.Agent agent => Assigned("agent", AgentInfo(agent.Session)),
            SessionOutcome.Queued queued => UdeskReply.WithCode(
                UdeskCode.Queued,
                ("message", $"The current customer service is busy, you are in the {Ordinal(queued.Position)} place in line."),
                ("assign_type", "agent"),
                ("assign_info", new JsonObject { ["count"] = queued.Position, ["queue"] = queued.QueueName })),
            SessionOutcome.NoAgentOnline none => UdeskReply.WithCode(
                UdeskCode.NoAgentOnline, ("message", none.Message), ("assign_type", "agent"), ("assign_info", new JsonObject { ["count"] = 0 })),
            SessionOutcome.Refused refused => UdeskReply.Error(refused.Refusal.Code, refused.Refusal.Message),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
    }

    private UdeskReply Close(OpenApiRequest request) =>
        OpenApiRequest.ParseLong(request.Route("session_id")) is { } id
            ? Replies.From(world.CloseByCustomer(id))
            : UdeskReply.Error(UdeskCode.SessionNotFound, "Session not found or closed.");

    private UdeskReply Destroy(OpenApiRequest request)
    {
        var start = request.Query("start_time");
        var end = request.Query("end_time");
        if (Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("start_time", start), ("end_time", end)) is { } missing)
        {
            return missing;
        }

        if (!UdeskTime.TryParse(start, out var from) || !UdeskTime.TryParse(end, out var to))
        {
            return UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "start_time and end_time must look like \"2022-05-19 19:50:33\".");
        }

        world.DestroyClosedSessions(from, to, OpenApiRequest.ParseLong(request.Query("customer_id")));
        return UdeskReply.Success();
    }

    private UdeskReply AbandonQueue(OpenApiRequest request)
    {
        var token = request.String("customer_token");
        var queue = request.String("queue");
        return Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("customer_token", token), ("queue", queue))
            ?? Replies.From(world.AbandonQueue(token!, queue!));
    }

    private UdeskReply Preview(OpenApiRequest request)
    {
        if (OpenApiRequest.ParseLong(request.Route("session_id")) is not { } id)
        {
            return UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "Session not found or closed.");
        }

        if (request.Node("content") is null && request.Query("content") is null)
        {
            return UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "Missing parameters: content.");
        }

        return limiter.TryAcquire(RateLimit.Preview, id.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Http.Request.Path, out var retryAfter)
            ? Replies.From(world.SetPreview(id, request.String("content") ?? ""))
            : UdeskReply.TooManyRequests("Previews are limited per session per second.", retryAfter);
    }

    private static UdeskReply Assigned(string assignType, JsonObject info) =>
        UdeskReply.Success(("message", "Request successful"), ("assign_type", assignType), ("assign_info", info));

    private static JsonObject RobotInfo(SessionOutcome.Robot robot) => new()
    {
        ["robot_name"] = robot.Options.Name,
        ["robot_avatar"] = robot.Options.Avatar,
        ["welcome_message"] = robot.Options.WelcomeMessage,
        ["unknow_message"] = robot.Options.UnknownMessage,
    };

    private static JsonObject UrobotInfo(SessionOutcome.Urobot urobot)
    {
        var robot = urobot.Session.Robot;
        var topAsk = new JsonArray();
        foreach (var type in urobot.Session.Scene.Questions.GroupBy(q => (q.TypeId, q.TypeName)))
        {
            var options = new JsonArray();
            foreach (var question in type)
            {
                options.Add(new JsonObject { ["quesition"] = question.Question, ["quesitionId"] = question.Id });
            }

            // Udesk's spelling.
            topAsk.Add(new JsonObject { ["quesitionType"] = type.Key.TypeName, ["quesitionTypeId"] = type.Key.TypeId, ["optionsList"] = options });
        }

        return new JsonObject
        {
            ["sessionId"] = urobot.Session.Id,
            ["logId"] = urobot.LogId,
            ["robotName"] = robot.Name,
            ["logoUrl"] = string.IsNullOrEmpty(robot.Logo) ? null : robot.Logo,
            ["leadingWord"] = robot.LeadingWord,
            ["helloWord"] = robot.HelloWord,
            ["topAsk"] = topAsk,
        };
    }

    private JsonObject AgentInfo(AgentSession session)
    {
        var info = new JsonObject
        {
            ["im_sub_session_id"] = session.Id,
            ["count"] = 0,
            ["agent_id"] = session.Agent.Id,
            ["agent_name"] = session.Agent.DisplayName,
            ["agent_avatar"] = session.Agent.Avatar,
        };
        if (world.SurveyEnabled)
        {
            info["survey_options"] = SurveyOptionsDocument.Create();
        }

        return info;
    }

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}
