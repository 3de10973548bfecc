using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.RateLimiting;
using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Endpoints;

/// <summary>Structured messages: MD5-signed with the KEY, answered with <c>status</c>, one per 2 seconds.</summary>
internal sealed class StructuredMessageEndpoints(SimulatorWorld world, RateLimiter limiter)
{
    private static readonly string[] ButtonTypes = ["link", "phone", "sdk_callback"];

    public void Map(IEndpointRouteBuilder routes, OpenApiPipeline pipeline) =>
        pipeline.Map(routes, "POST", "im/sessions/struct_messages", AuthScheme.StructuredMessage, Send);

    private UdeskReply Send(OpenApiRequest request)
    {
        if (!limiter.TryAcquire(RateLimit.StructuredMessage, "company", request.Http.Request.Path, out var retryAfter))
        {
            return UdeskReply.TooManyRequests("Structured messages are limited to one per interval.", retryAfter);
        }

        var (sessionId, customerId, agentId) = (OpenApiRequest.ParseLong(request.Query("im_sub_session_id")), OpenApiRequest.ParseLong(request.Query("customer_id")), OpenApiRequest.ParseLong(request.Query("agent_id")));
        var data = request.Object("data");
        if (sessionId is null || customerId is null || agentId is null || data is null)
        {
            return UdeskReply.Status(UdeskCode.SessionClosedOrMissingParameter, "im_sub_session_id, customer_id, agent_id (numbers) and data are required.");
        }

        var missing = new[] { "title", "description", "img_url" }.Where(f => string.IsNullOrWhiteSpace(data[f]?.ToString())).ToList();
        if (data["buttons"] is not JsonArray buttons)
        {
            missing.Add("buttons");
            buttons = [];
        }

        if (missing.Count > 0)
        {
            return UdeskReply.Status(UdeskCode.SessionClosedOrMissingParameter, $"data needs {string.Join(", ", missing)}.");
        }

        if (buttons.Any(b => b?["type"]?.ToString() is not { } type || !ButtonTypes.Contains(type) || b["text"] is null || b["value"] is null))
        {
            return UdeskReply.Status(UdeskCode.SessionClosedOrMissingParameter, $"Each button needs type ({string.Join(", ", ButtonTypes)}), text and value.");
        }

        return world.SendStructuredMessage(sessionId.Value, customerId.Value, agentId.Value, data) is { } refusal
            ? UdeskReply.Status(refusal.Code, refusal.Message)
            : UdeskReply.Status(UdeskCode.Success, "Send Success");
    }
}
