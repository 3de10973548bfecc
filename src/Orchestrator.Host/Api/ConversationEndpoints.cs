using System.Security.Claims;
using Orchestrator.Conversations.Domain;
using Orchestrator.Host.Api.Contracts;
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
            .WithSummary("The conversation's current state.");
        conversations.MapPost("/session", RequestSession)
            .WithSummary("Ask Udesk for a robot, urobot or agent session; answered 202 once the request is persisted.");
        conversations.MapDelete("/session", (string token, ClaimsPrincipal user, ConversationClient client, CancellationToken ct) =>
                Send(token, user, id => new CloseSession(id), client, ct))
            .WithSummary("Close the current session.");
        conversations.MapDelete("/queue", (string token, ClaimsPrincipal user, ConversationClient client, CancellationToken ct) =>
                Send(token, user, id => new AbandonQueue(id), client, ct))
            .WithSummary("Leave the agent queue; the conversation returns to where it was.");
        conversations.MapPost("/messages", SendMessage)
            .WithSummary("A customer message, idempotent per message_id; routed to the robot, urobot, queue or agent as the state needs.");
        conversations.MapPut("/preview", SendPreview)
            .WithSummary("What the customer is typing (agent sessions only; at most 3 per second reach Udesk, the newest always).");
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
