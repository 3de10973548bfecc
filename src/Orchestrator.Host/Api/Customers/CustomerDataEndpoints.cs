using System.Security.Claims;
using Akka.Actor;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Retention;
using Orchestrator.Host.Api.Audit;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Host.Retention;
using Orchestrator.Host.Tenancy;

namespace Orchestrator.Host.Api.Customers;

/// <summary>Erasing one customer's data on request (<c>DELETE /v1/customers/{token}/data</c>).</summary>
internal static class CustomerDataEndpoints
{
    public static RouteGroupBuilder MapCustomerDataEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapDelete("/customers/{token}/data", Erase)
            .WithTags("Customers")
            .Describe(
                "Erase a customer's data",
                "Deletes the events and snapshots of the customer's conversation and the session index entries that name it, then records the erasure "
                + "in the tenant's ledger (GET /v1/audit/erasures), where the customer appears only as the SHA-256 of the token. Answered 200 with what "
                + "was deleted. Refused with 409 while the customer has a session or queue place at Udesk (close it or abandon the queue first: erasing "
                + "would leave agents writing to a customer the service no longer knows) or while calls to Udesk still wait for an answer. A later message "
                + "for the customer starts a fresh conversation. Erasing a customer with no data answers 200 with zero counts.")
            .Produces<ErasureView>()
            .ProducesProblems(400, 409, 503);
        return v1;
    }

    private static async Task<IResult> Erase(string token, ClaimsPrincipal user, ErasureClient erasures, CancellationToken ct)
    {
        if (RequestValidation.Token(token) is { } invalid)
        {
            return invalid;
        }

        try
        {
            return await erasures.EraseAsync(new ConversationId(user.Tenant(), token), user.ApiKeyName(), ct) switch
            {
                ErasureOutcome.Erased erased => Results.Ok(ErasureView.Of(erased.Entry)),
                ErasureOutcome.Refused refused => Problems.Result(Problems.Conflict(refused.Reason)),
                _ => throw new InvalidOperationException("Unknown erasure outcome."),
            };
        }
        catch (AskTimeoutException)
        {
            return Problems.Result(Problems.Unavailable("The erasure did not finish in time; ask again (an erasure already done answers with zero counts)."));
        }
    }
}
