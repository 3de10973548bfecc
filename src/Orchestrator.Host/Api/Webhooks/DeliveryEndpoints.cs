using System.Security.Claims;
using Akka.Actor;
using Akka.Hosting;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Host.Api;
using Orchestrator.Host.Tenancy;
using Orchestrator.Host.Api.OpenApi;
using static Orchestrator.Conversations.Delivery.DeadLetterIndexMessages;

namespace Orchestrator.Host.Api.Webhooks;

/// <summary>The tenant's webhook dead letters: <c>GET /v1/deliveries/dead</c> and <c>POST /v1/deliveries/dead/{id}/replay</c>.</summary>
internal static class DeliveryEndpoints
{
    public const int MaxLimit = 1000;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public static RouteGroupBuilder MapDeliveryEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/deliveries/dead", List)
            .WithTags("Deliveries")
            .Describe("List dead letters", $"Events the platform's webhook never acknowledged (refused with a 4xx, or out of retries), oldest first; page with `after=` (a dead letter id) and `limit=` (1 to {MaxLimit}), continuing with `after={{next_after}}`.")
            .Produces<DeadLetterPageView>()
            .ProducesProblems(400);
        v1.MapPost("/deliveries/dead/{id}/replay", Replay)
            .WithTags("Deliveries")
            .Describe("Replay a dead letter", "Sends a dead-lettered event to the webhook once more, now and out of order; answered 202 once the replay is under way, and the dead letter leaves the list once the webhook acknowledges it.")
            .Produces<ReplayAcceptedView>(StatusCodes.Status202Accepted)
            .ProducesProblems(400, 404, 503);
        return v1;
    }

    private static async Task<IResult> List(ClaimsPrincipal user, ActorRegistry registry, string? after = null, string? limit = null)
    {
        if (QueryValues.Page(after, limit, MaxLimit, "a dead letter id", out var afterId, out var pageSize) is { } invalid)
        {
            return invalid;
        }

        if (!registry.TryGet<DeadLetterIndexRegion>(out var index))
        {
            // No tenant has a webhook: nothing is ever dead-lettered.
            return Results.Ok(new DeadLetterPageView([], afterId));
        }

        var page = await index.Ask<DeadLetterPage>(new ListDeadLetters(user.Tenant(), afterId, pageSize), AskTimeout);
        var views = page.Entries.Select(DeadLetterView.Of).ToList();
        return Results.Ok(new DeadLetterPageView(views, views.Count > 0 ? views[^1].Id : afterId));
    }

    private static async Task<IResult> Replay(string id, ClaimsPrincipal user, ActorRegistry registry)
    {
        if (!long.TryParse(id, out var deadLetterId) || deadLetterId <= 0)
        {
            return Problems.Result(Problems.Invalid("id", "id must be a dead letter id (a positive whole number)."));
        }

        var unknown = Problems.Result(Problems.UnknownDeadLetter($"There is no dead letter {deadLetterId}."));
        if (!registry.TryGet<DeadLetterIndexRegion>(out var index))
        {
            return unknown;
        }

        var reply = await index.Ask<object>(new ReplayIndexedDeadLetter(user.Tenant(), deadLetterId), AskTimeout);
        return reply switch
        {
            DeliveryReplies.ReplayStarted started => Results.Accepted(
                value: new ReplayAcceptedView(deadLetterId, $"{started.Conversation.Tenant}/{started.Conversation.CustomerToken}/{started.Seq}")),
            DeadLetterUnknown => unknown,
            _ => Problems.Result(Problems.Unavailable($"The replay of dead letter {deadLetterId} could not start; try again.")),
        };
    }
}
