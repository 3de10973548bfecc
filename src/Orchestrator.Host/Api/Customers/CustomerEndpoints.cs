using System.Security.Claims;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Host.Api.Gate;
using Orchestrator.Host.Tenancy;
using Orchestrator.Udesk.Customers;
using Orchestrator.Udesk.Results;
using Orchestrator.Host.Api.OpenApi;

namespace Orchestrator.Host.Api.Customers;

/// <summary>The Udesk customer behind a customer token (<c>/v1/customers/{token}</c>).</summary>
internal static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPut("/customers/{token}", Upsert)
            .WithTags("Customers")
            .Describe("Create or update a customer", "Creates the Udesk customer whose `open_api_token` is `{token}` (201), or updates it when it exists (200), answered with Udesk's customer. Fields left out are not changed on update; a new customer without `nick_name` is named by its token; `cellphones` are added, never sent twice.")
            .ProducesUdeskAnswer<CustomerResponse>()
            .Produces<CustomerResponse>(StatusCodes.Status201Created)
            .ProducesProblems(413);
        return v1;
    }

    private static async Task<IResult> Upsert(string token, CustomerBody? body, ClaimsPrincipal user, UdeskCallGate gate, CancellationToken ct)
    {
        if ((RequestValidation.Token(token) ?? (body is null ? Problems.Result(Problems.Invalid("body", "A JSON body is required.")) : body.Problem())) is { } invalid)
        {
            return invalid;
        }

        var tenant = user.Tenant();
        var lookup = await gate.InvokeAsync(tenant, CallPriority.Session, CallLane.General, (udesk, c) => udesk.GetCustomerAsync(CustomerLookup.ByToken(token), c), ct);
        if (lookup.Succeeded(out var found) && found.Customer is { } existing)
        {
            return await gate.CallAsync(tenant, CallPriority.Session, (udesk, c) => udesk.UpdateCustomerAsync(CustomerLookup.ByToken(token), body!.ToUdesk(token, existing), c), ct);
        }

        // Udesk answers an unknown customer with a business code; anything else (no permit, transport) is the answer.
        if (!lookup.WasMade || lookup.Result.Error is { Kind: not UdeskErrorKind.Business })
        {
            return lookup.ToHttp();
        }

        return await gate.CallAsync(
            tenant,
            CallPriority.Session,
            (udesk, c) => udesk.CreateCustomerAsync(body!.ToUdesk(token, null), c),
            ct,
            answer: created => Results.Created($"/v1/customers/{Uri.EscapeDataString(token)}", created));
    }
}
