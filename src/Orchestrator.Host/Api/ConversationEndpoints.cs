using System.Security.Claims;
using Orchestrator.Conversations.Domain;
using Orchestrator.Host.Api.Contracts;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Host.Conversations;
using Orchestrator.Host.Tenancy;
using static Orchestrator.Conversations.Domain.ConversationCommands;

namespace Orchestrator.Host.Api;

/// <summary>
/// The conversation routes the platform drives (<c>/v1/conversations/{token}</c>): each becomes a command to the
/// conversation's actor and is answered once it is persisted.
/// </summary>
internal static class ConversationEndpoints
{
    public static RouteGroupBuilder MapConversationEndpoints(this RouteGroupBuilder v1)
    {
        var conversations = v1.MapGroup("/conversations/{token}").WithTags("Conversations");

        conversations.MapGet("/", GetConversation)
            .Describe("Get a conversation", "The conversation's current state: `state` (idle, robot, urobot, queued, agent, closed), its Udesk session (`im_sub_session_id`) and earlier ones, the agent, the queue name and position, robot and urobot ids, `last_seq`, close type, survey options and how many Udesk calls are still pending. 404 while the conversation has no events.")
            .Produces<ConversationView>()
            .ProducesProblems(400, 404, 503);
        conversations.MapPost("/session", RequestSession)
            .Describe("Request a session", "Asks Udesk for a robot, urobot or agent session (`assign_type`; for agents optionally `agent_id` or `group_id`; for urobots `robot_id` and `scene_id`). Answered 202 once the request is persisted; Udesk's answer arrives as events (`session_started`, `queued`, `robot_session_started`, …). A request sent while another is on its way waits behind it and is checked against where that one led (`session_request_refused` if it no longer applies).")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesProblems(400, 409, 413, 503);
        conversations.MapDelete("/session", (string token, ClaimsPrincipal user, ConversationClient client, CancellationToken ct) =>
                Send(token, user, id => new CloseSession(id), client, ct))
            .Describe("Close the session", "Closes the current session. Sent while a session request is on its way, it waits for that answer and closes what it opened. 409 when there is nothing to close.")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesProblems(400, 409, 503);
        conversations.MapDelete("/queue", (string token, ClaimsPrincipal user, ConversationClient client, CancellationToken ct) =>
                Send(token, user, id => new AbandonQueue(id), client, ct))
            .Describe("Leave the queue", "The customer leaves Udesk's agent queue; the conversation returns to where it was before queueing (robot, urobot or idle). 409 when the customer is not queued.")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesProblems(400, 409, 503);
        conversations.MapPost("/messages", SendMessage)
            .Describe("Send a message", "A customer message, idempotent per `message_id`: answered 202 with `seq`, or with `duplicate: true` and the original `seq` when that `message_id` was accepted before. It is routed to the robot, urobot, queue or agent as the conversation's state needs, and appears in the feed as `customer_message`, then `customer_message_delivered` or `customer_message_refused`. `to: \"workbench\"` (optionally with `agent_id` or `group_id`) leaves it on Udesk's IM workbench instead. After a 503, retry with the same `message_id`.")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesProblems(400, 409, 413, 503);
        conversations.MapPut("/preview", SendPreview)
            .Describe("Send a typing preview", "What the customer is typing, shown to the agent (agent sessions only). At most 3 previews per second reach Udesk, and the newest always does; an empty `content` clears the preview.")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesProblems(400, 409, 413, 503);
        return v1;
    }

    private static async Task<IResult> GetConversation(string token, ClaimsPrincipal user, ConversationClient client, CancellationToken ct)
    {
        if (RequestValidation.Token(token) is { } invalid)
        {
            return invalid;
        }

        var state = await client.StateOf(new ConversationId(user.Tenant(), token), ct);
        return state switch
        {
            null => Problems.Result(Problems.Unavailable("The conversation did not answer in time.")),
            { Seq: 0 } => Problems.Result(Problems.NotFound($"No conversation with customer token '{token}'.")),
            _ => Results.Ok(ConversationView.Of(token, state)),
        };
    }

    private static Task<IResult> RequestSession(string token, SessionRequestBody? body, ClaimsPrincipal user, ConversationClient client, CancellationToken ct) =>
        RequestValidation.Session(body) is { } invalid
            ? Task.FromResult(invalid)
            : Send(token, user, id => new ConversationCommands.RequestSession(id, body!.ToDomain()), client, ct);

    private static Task<IResult> SendMessage(string token, MessageBody? body, ClaimsPrincipal user, ConversationClient client, CancellationToken ct) =>
        RequestValidation.Message(body) is { } invalid
            ? Task.FromResult(invalid)
            : Send(token, user, id => new ConversationCommands.SendMessage(
                id, body!.MessageId!, body.Type!, body.Data!.ToDomain(), body.To is null ? null : new WorkbenchAddress(body.AgentId, body.GroupId)), client, ct);

    private static Task<IResult> SendPreview(string token, PreviewBody? body, ClaimsPrincipal user, ConversationClient client, CancellationToken ct) =>
        body?.Content is null
            ? Task.FromResult(Problems.Result(Problems.Invalid("content", "content is required (empty clears the preview).")))
            : Send(token, user, id => new ConversationCommands.SendPreview(id, body.Content), client, ct);

    private static async Task<IResult> Send(string token, ClaimsPrincipal user, Func<ConversationId, Command> command, ConversationClient client, CancellationToken ct)
    {
        if (RequestValidation.Token(token) is { } invalid)
        {
            return invalid;
        }

        return ConversationResults.Of(await client.Ask(command(new ConversationId(user.Tenant(), token)) with { IssuedBy = user.ApiKeyName() }, cancellationToken: ct));
    }
}
