using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Host.Api.Gate;
using Orchestrator.Host.Tenancy;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Status;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Robots;

namespace Orchestrator.Host.Api.Udesk;

/// <summary>Company-wide Udesk interfaces of the caller's tenant (<c>/v1/udesk/...</c>): agents, urobots, words, queues, clean-up.</summary>
internal static class CompanyEndpoints
{
    public static RouteGroupBuilder MapCompanyEndpoints(this RouteGroupBuilder v1)
    {
        var udesk = v1.MapGroup("/udesk").WithTags("Udesk company");
        udesk.MapGet("/agents/status", AgentStatus)
            .Describe("List agent statuses", "Every agent's IM status (online, busy, offline), or only `group_id`'s agents.")
            .ProducesUdeskAnswer<AgentStatusList>();
        udesk.MapGet("/agents/unread", AgentUnread)
            .Describe("Count agents' unread messages", "Per agent (`agent_ids`, 1 to 30, comma-separated or repeated): unread customer messages and leave-messages unhandled for 7 days.")
            .ProducesUdeskAnswer<AgentUnreadMessages>();
        udesk.MapGet("/urobots", (ClaimsPrincipal user, UdeskCallGate gate, CancellationToken ct) =>
                gate.CallAsync(user.Tenant(), CallPriority.Query, (client, c) => client.GetUrobotsAsync(c), ct))
            .Describe("List urobots", "The company's urobots and their scenes: the `robot_id` and `scene_id` a urobot session request names.")
            .ProducesUdeskAnswer<UrobotListResponse>();
        udesk.MapGet("/sensitive-words", (ClaimsPrincipal user, UdeskCallGate gate, CancellationToken ct) =>
                gate.CallAsync(user.Tenant(), CallPriority.Query, (client, c) => client.GetSensitiveWordsAsync(c), ct))
            .Describe("List sensitive words", "The company's customer sensitive words and whether they are enabled.")
            .ProducesUdeskAnswer<SensitiveWords>();
        udesk.MapGet("/customer-status", CustomerStatusByToken)
            .Describe("Get a web or SDK customer's status", "Whether Udesk sees a web or SDK customer in a session: exactly one of `web_token` (with `session_key` for one of its sessions) or `sdk_token`. A customer with a customer token uses `GET /v1/conversations/{token}/customer-status`.")
            .ProducesUdeskAnswer<CustomerStatus>();
        udesk.MapGet("/abandoned-queues", AbandonedQueues)
            .Describe("List abandoned queues", "One page of customers who abandoned the queue between `from` and `to` (ISO 8601; `page` from 1, `per_page` 1 to 100, 30 by default).")
            .ProducesUdeskAnswer<AbandonedQueuePage>();
        udesk.MapDelete("/sessions", DestroySessions)
            .Describe("Delete closed sessions", "Deletes at Udesk the closed sessions created between `from` and `to` (ISO 8601), optionally only `customer_id`'s.")
            .ProducesUdeskAnswer<UdeskResponse>();
        return v1;
    }

    private static async Task<IResult> AgentStatus([FromQuery(Name = "group_id")] string? groupId, ClaimsPrincipal user, UdeskCallGate gate, CancellationToken ct) =>
        QueryValues.OptionalId(groupId, "group_id", out var group)
        ?? await gate.CallAsync(user.Tenant(), CallPriority.Query, (client, c) => client.GetAgentStatusAsync(group, c), ct);

    private static async Task<IResult> AgentUnread(HttpRequest request, ClaimsPrincipal user, UdeskCallGate gate, CancellationToken ct) =>
        QueryValues.IdList(request.Query["agent_ids"], "agent_ids", AgentUnreadMessages.MaxAgentsPerCall, out var agents)
        ?? await gate.CallAsync(user.Tenant(), CallPriority.Query, (client, c) => client.GetAgentUnreadMessagesAsync(agents, c), ct);

    /// <summary>Customers the platform knows by Udesk's web or SDK token; those with a customer token use their conversation's route.</summary>
    private static async Task<IResult> CustomerStatusByToken(
        [FromQuery(Name = "web_token")] string? webToken,
        [FromQuery(Name = "sdk_token")] string? sdkToken,
        [FromQuery(Name = "session_key")] string? sessionKey,
        ClaimsPrincipal user,
        UdeskCallGate gate,
        CancellationToken ct)
    {
        var query = (string.IsNullOrWhiteSpace(webToken), string.IsNullOrWhiteSpace(sdkToken)) switch
        {
            (false, true) => CustomerStatusQuery.ByWebToken(webToken!, string.IsNullOrWhiteSpace(sessionKey) ? null : sessionKey),
            (true, false) when string.IsNullOrWhiteSpace(sessionKey) => CustomerStatusQuery.BySdkToken(sdkToken!),
            _ => null,
        };
        if (query is null)
        {
            return Problems.Result(string.IsNullOrWhiteSpace(webToken) && !string.IsNullOrWhiteSpace(sessionKey)
                ? Problems.Invalid("session_key", "session_key goes with web_token.")
                : Problems.Invalid("web_token", "Give exactly one of web_token and sdk_token (a customer_token customer: GET /v1/conversations/{token}/customer-status)."));
        }

        return await gate.CallAsync(user.Tenant(), CallPriority.Query, (client, c) => client.GetCustomerStatusAsync(query, c), ct);
    }

    private static async Task<IResult> AbandonedQueues(
        [FromQuery(Name = "from")] string? from,
        [FromQuery(Name = "to")] string? to,
        [FromQuery(Name = "page")] string? page,
        [FromQuery(Name = "per_page")] string? perPage,
        ClaimsPrincipal user,
        UdeskCallGate gate,
        CancellationToken ct)
    {
        int pageNumber = 1, size = 30;
        if ((QueryValues.Window(from, to, out var start, out var end)
             ?? QueryValues.Int(page, "page", 1, 1, int.MaxValue, out pageNumber)
             ?? QueryValues.Int(perPage, "per_page", 30, 1, AbandonedQueuePage.MaxPerPage, out size)) is { } invalid)
        {
            return invalid;
        }

        return await gate.CallAsync(user.Tenant(), CallPriority.Query, (client, c) => client.GetAbandonedQueuesAsync(start, end, pageNumber, size, c), ct);
    }

    private static async Task<IResult> DestroySessions(
        [FromQuery(Name = "from")] string? from,
        [FromQuery(Name = "to")] string? to,
        [FromQuery(Name = "customer_id")] string? customerId,
        ClaimsPrincipal user,
        UdeskCallGate gate,
        CancellationToken ct)
    {
        long? customer = null;
        if ((QueryValues.Window(from, to, out var start, out var end) ?? QueryValues.OptionalId(customerId, "customer_id", out customer)) is { } invalid)
        {
            return invalid;
        }

        return await gate.CallAsync(user.Tenant(), CallPriority.Session, (client, c) => client.DestroyClosedSessionsAsync(start, end, customer, c), ct);
    }
}
