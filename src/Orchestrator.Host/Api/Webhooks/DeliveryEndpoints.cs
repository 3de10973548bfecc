using System.Security.Claims;
using Akka.Hosting;
using Orchestrator.Host.Tenancy;

namespace Orchestrator.Host.Api.Webhooks;

/// <summary>The tenant's webhook dead letters: <c>GET /v1/deliveries/dead</c> and <c>POST /v1/deliveries/dead/{id}/replay</c>.</summary>
internal static class DeliveryEndpoints
{
    public static RouteGroupBuilder MapDeliveryEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/deliveries/dead", List)
            .WithTags("Deliveries")
            .WithSummary("Events the webhook never acknowledged (refused with a 4xx, or out of retries), oldest first; page with after= and limit=.");
        v1.MapPost("/deliveries/dead/{id}/replay", Replay)
            .WithTags("Deliveries")
            .WithSummary("Send a dead-lettered event to the webhook once more, now and out of order; it leaves the list once acknowledged.");
        return v1;
    }

    private static Task<IResult> List(ClaimsPrincipal user, ActorRegistry registry, string? after = null, string? limit = null) =>
        DeadLetterQueries.ListAsync(registry, user.Tenant(), after, limit);

    private static Task<IResult> Replay(string id, ClaimsPrincipal user, ActorRegistry registry) =>
        DeadLetterQueries.ReplayAsync(registry, user.Tenant(), id);
}
