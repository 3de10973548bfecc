using System.Security.Claims;
using Akka.Hosting;
using Orchestrator.Host.Tenancy;
using Orchestrator.Host.Api.OpenApi;

namespace Orchestrator.Host.Api.Webhooks;

/// <summary>The tenant's webhook dead letters: <c>GET /v1/deliveries/dead</c> and <c>POST /v1/deliveries/dead/{id}/replay</c>.</summary>
internal static class DeliveryEndpoints
{
    public static RouteGroupBuilder MapDeliveryEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/deliveries/dead", List)
            .WithTags("Deliveries")
            .Describe("List dead letters", $"Events the platform's webhook never acknowledged (refused with a 4xx, or out of retries), oldest first; page with `after=` (a dead letter id) and `limit=` (1 to {DeadLetterQueries.MaxLimit}), continuing with `after={{next_after}}`.")
            .Produces<DeadLetterPageView>()
            .ProducesProblems(400);
        v1.MapPost("/deliveries/dead/{id}/replay", Replay)
            .WithTags("Deliveries")
            .Describe("Replay a dead letter", "Sends a dead-lettered event to the webhook once more, now and out of order; answered 202 once the replay is under way, and the dead letter leaves the list once the webhook acknowledges it.")
            .Produces<ReplayAcceptedView>(StatusCodes.Status202Accepted)
            .ProducesProblems(400, 404, 503);
        return v1;
    }

    private static Task<IResult> List(ClaimsPrincipal user, ActorRegistry registry, string? after = null, string? limit = null) =>
        DeadLetterQueries.ListAsync(registry, user.Tenant(), after, limit);

    private static Task<IResult> Replay(string id, ClaimsPrincipal user, ActorRegistry registry) =>
        DeadLetterQueries.ReplayAsync(registry, user.Tenant(), id);
}
