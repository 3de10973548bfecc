using Microsoft.AspNetCore.Mvc;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Udesk.Status;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Results;
using static Orchestrator.Host.Api.Conversations.ConversationRoute;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>The customer's side of the conversation at Udesk: queue and session status, online state, what they read.</summary>
internal static class CustomerStateEndpoints
{
    public static RouteGroupBuilder MapCustomerStateEndpoints(this RouteGroupBuilder conversation)
    {
        conversation.MapGet("/queue-status", QueueStatus)
            .Describe("Get the queue status", "Udesk's queue status of the customer (`In queue`, `Not in queue`, `In session`, `Assigning`) and position.")
            .ProducesUdeskAnswer<QueueStatus>();
        conversation.MapGet("/customer-status", CustomerStatus)
            .Describe("Get the customer status", "Whether Udesk sees the customer in a session (`status_code` 0 none, 1 in session, 2 queued, 3 invalid customer).")
            .ProducesUdeskAnswer<CustomerStatus>();
        conversation.MapGet("/unread-offline", UnreadOffline)
            .Describe("List unread offline messages", "Agent messages of the conversation's agent session the customer has not read since going offline (`customer_id` is looked up by the customer token when not given). 409 when the conversation has had no agent session.")
            .ProducesUdeskAnswer<UnreadOfflineMessages>()
            .ProducesProblems(404, 409);
        conversation.MapPost("/online-state", OnlineState)
            .Describe("Set the online state", "Tells Udesk whether the customer is online (`online`: true or false).")
            .ProducesUdeskAnswer<UdeskResponse>()
            .ProducesProblems(413);
        conversation.MapPost("/read", Read)
            .Describe("Mark messages read", "The customer read these agent messages (`message_ids`, 1 to 100) of the current agent session, or of `session_id`, one the conversation had. 409 when the conversation has had no such session.")
            .ProducesUdeskAnswer<UdeskResponse>()
            .ProducesProblems(404, 409, 413);
        return conversation;
    }

    private static async Task<IResult> QueueStatus([AsParameters] ConversationRoute route) =>
        RequestValidation.Token(route.Token) ?? await route.Call(CallPriority.Query, (udesk, ct) => udesk.GetQueueStatusAsync(route.Token, ct));

    private static async Task<IResult> CustomerStatus([AsParameters] ConversationRoute route) =>
        RequestValidation.Token(route.Token)
        ?? await route.Call(CallPriority.Query, (udesk, ct) => udesk.GetCustomerStatusAsync(CustomerStatusQuery.ByCustomerToken(route.Token), ct));

    private static async Task<IResult> UnreadOffline(
        [AsParameters] ConversationRoute route, [FromQuery(Name = "customer_id")] string? customerId, [FromQuery(Name = "app_id")] string? appId)
    {
        if (QueryValues.OptionalId(customerId, "customer_id", out var customer) is { } badCustomer)
        {
            return badCustomer;
        }

        if (QueryValues.OptionalId(appId, "app_id", out var app) is { } badApp)
        {
            return badApp;
        }

        return await route.WithState(state => state.ImSubSessionId is { } session
            ? UdeskCustomerId.Resolve(route, customer, CallPriority.Query, id => route.Call(
                CallPriority.Query, (udesk, ct) => udesk.GetUnreadOfflineMessagesAsync(session.Value, id, app, ct)))
            : Conflict("The conversation has had no agent session."));
    }

    private static async Task<IResult> OnlineState([AsParameters] ConversationRoute route, OnlineStateBody? body) =>
        route.Check(body, b => b.Problem())
        ?? await route.Call(CallPriority.Session, (udesk, ct) => udesk.SetCustomerOnlineStateAsync(route.Token, body!.Online!.Value, ct));

    private static async Task<IResult> Read([AsParameters] ConversationRoute route, ReadBody? body) =>
        route.Check(body, b => b.Problem()) ?? await route.WithState(state =>
        {
            var session = body!.SessionId is { } asked ? new SessionId(asked) : state.ImSubSessionId;
            if (session is null)
            {
                return Conflict("The conversation has had no agent session.");
            }

            if (session != state.ImSubSessionId && !state.PreviousSessionIds.Contains(session.Value))
            {
                return Conflict($"Agent session {session} is not one this conversation had.");
            }

            var ids = body.MessageIds!.Select(id => id!).ToList();
            return route.Call(CallPriority.Session, (udesk, ct) => udesk.MarkAgentMessagesReadAsync(session.Value.Value, ids, ct));
        });
}
