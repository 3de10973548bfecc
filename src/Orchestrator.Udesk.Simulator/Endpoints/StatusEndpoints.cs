using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Endpoints;

/// <summary>Queue, customer and agent status, and the abandoned-queue list.</summary>
internal sealed class StatusEndpoints(SimulatorWorld world)
{
    private const int MaxPerPage = 100;

    public void Map(IEndpointRouteBuilder routes, OpenApiPipeline pipeline)
    {
        pipeline.Map(routes, "GET", "im/queue_status", AuthScheme.OpenApi, QueueStatus);
        pipeline.Map(routes, "GET", "im/customer_status", AuthScheme.OpenApi, CustomerStatus);
        pipeline.Map(routes, "GET", "im/agent_status", AuthScheme.OpenApi, AgentStatus);
        pipeline.Map(routes, "GET", "im/im_queues", AuthScheme.OpenApi, AbandonedQueues);
    }

    private UdeskReply QueueStatus(OpenApiRequest request)
    {
        var token = request.String("customer_token");
        if (Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("customer_token", token)) is { } missing)
        {
            return missing;
        }

        var (status, count) = world.QueueStatus(token!);
        return UdeskReply.Success(("status", status), ("count", count));
    }

    private UdeskReply CustomerStatus(OpenApiRequest request)
    {
        var (token, web, sdk) = (request.String("customer_token"), request.String("web_token"), request.String("sdk_token"));
        if (token is null && web is null && sdk is null)
        {
            return UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "One of customer_token, web_token or sdk_token is required.");
        }

        var (code, status) = world.CustomerStatus(token, web, sdk);
        return UdeskReply.Success(("status_code", code), ("status", status));
    }

    private UdeskReply AgentStatus(OpenApiRequest request)
    {
        var (refusal, agents) = world.AgentStatuses(request.Long("group_id"));
        if (refusal is not null)
        {
            return UdeskReply.Error(refusal.Code, refusal.Message);
        }

        var list = new JsonArray();
        foreach (var agent in agents)
        {
            var active = agent.Status != World.ImStatus.Offline;
            list.Add(new JsonObject
            {
                ["id"] = agent.Id,
                ["name"] = agent.Name,
                // The table says nick, the example im_nick: both are sent.
                ["nick"] = agent.Nick,
                ["im_nick"] = agent.Nick,
                ["avatar"] = agent.Avatar,
                ["profile"] = "all",
                ["im_status"] = ImStatusNames.Wire(agent.Status),
                ["im_custom_status"] = agent.Status == World.ImStatus.Busy ? agent.CustomStatus : "",
                ["im_session_num"] = active ? agent.ActiveSessions : 0,
                ["im_max_join_num"] = active ? agent.Capacity : 0,
            });
        }

        return UdeskReply.Success(("agents", list));
    }

    /// <summary>Udesk refuses this GET when it carries a JSON content type (the spec warns about it), so the simulator does too.</summary>
    private UdeskReply AbandonedQueues(OpenApiRequest request)
    {
        if (request.Http.Request.ContentType?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "Do not send Content-Type: application/json with this request.");
        }

        var (start, end) = (request.Query("start_time"), request.Query("end_time"));
        if (Replies.Missing(UdeskCode.SessionClosedOrMissingParameter, ("start_time", start), ("end_time", end)) is { } missing)
        {
            return missing;
        }

        if (!UdeskTime.TryParse(start, out var from) || !UdeskTime.TryParse(end, out var to))
        {
            return UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, "start_time and end_time must be times such as \"2019-02-10\" or \"2022-05-19 19:50:33\".");
        }

        // A bare end date means the whole of that day.
        to = end!.Trim().Length <= 10 ? to.AddDays(1).AddTicks(-1) : to;
        var page = (int)Math.Clamp(request.Long("page") ?? 1, 1, int.MaxValue);
        var perPage = (int)Math.Clamp(request.Long("per_page") ?? 30, 1, MaxPerPage);
        var (entries, totalPages) = world.AbandonedQueues(from, to, page, perPage);
        var list = new JsonArray();
        foreach (var entry in entries)
        {
            list.Add(new JsonObject
            {
                ["id"] = entry.Id,
                ["customer_id"] = entry.Customer.Id,
                ["channel"] = entry.Channel,
                ["queue_start_time"] = UdeskTime.Iso(entry.QueueStart),
                ["queue_seconds"] = (int)(entry.AbandonedAt - entry.QueueStart).TotalSeconds,
                ["queue_name"] = entry.QueueName,
                // The table says a nickname; the example sends the customer object, which is what is sent here.
                ["customer_name"] = new JsonObject
                {
                    ["id"] = entry.Customer.Id,
                    ["nick_name"] = entry.Customer.NickName,
                    ["open_api_token"] = entry.Customer.Token,
                    ["created_at"] = UdeskTime.Iso(entry.Customer.CreatedAt),
                },
            });
        }

        return UdeskReply.Success(
            ("shut_queues", list),
            ("meta", new JsonObject { ["current_page"] = page, ["total_pages"] = totalPages, ["count"] = entries.Count }));
    }
}
