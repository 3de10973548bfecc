using System.Security.Claims;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Host.Api.Gate;
using Orchestrator.Host.Conversations;
using Orchestrator.Host.Tenancy;
using Orchestrator.Udesk;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>
/// What every <c>/v1/conversations/{token}/...</c> Udesk route binds (<c>[AsParameters]</c>): the customer token,
/// the caller's tenant, the conversation's state when the route needs it, and the gate its Udesk call goes through.
/// </summary>
internal readonly record struct ConversationRoute(string Token, ClaimsPrincipal User, ConversationClient Conversations, UdeskCallGate Gate, CancellationToken Aborted)
{
    public string Tenant => User.Tenant();

    /// <summary>A 400 problem for a bad token or body (naming the field), or null when both are fine.</summary>
    public IResult? Check<TBody>(TBody? body, Func<TBody, IResult?> problem)
        where TBody : class =>
        RequestValidation.Token(Token)
        ?? (body is null ? Problems.Result(Problems.Invalid("body", "A JSON body is required.")) : problem(body));

    /// <summary>Runs <paramref name="then"/> with the conversation's state: 404 while it has no events, 503 when it does not answer.</summary>
    public async Task<IResult> WithState(Func<ConversationState, Task<IResult>> then)
    {
        if (RequestValidation.Token(Token) is { } invalid)
        {
            return invalid;
        }

        var state = await Conversations.StateOf(new ConversationId(Tenant, Token), Aborted);
        return state switch
        {
            null => Problems.Result(Problems.Unavailable("The conversation did not answer in time.")),
            { Seq: 0 } => Problems.Result(Problems.NotFound($"No conversation with customer token '{Token}'.")),
            _ => await then(state),
        };
    }

    /// <summary>One Udesk call for this tenant through the budget, answered as HTTP.</summary>
    public Task<IResult> Call<T>(CallPriority priority, Func<IUdeskClient, CancellationToken, Task<UdeskResult<T>>> call, CallLane lane = CallLane.General) =>
        Gate.CallAsync(Tenant, priority, call, Aborted, lane);

    public static Task<IResult> Conflict(string detail) => Task.FromResult(Problems.Result(Problems.Conflict(detail)));

    public static IResult Invalid(string field, string detail) => Problems.Result(Problems.Invalid(field, detail));
}
