using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk.Customers;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>
/// Udesk's numeric customer id, which some interfaces want instead of the customer token: the one the caller gave,
/// or looked up by token (one more call through the budget).
/// </summary>
internal static class UdeskCustomerId
{
    /// <summary>Runs <paramref name="then"/> with the id; 409 when Udesk has no such customer, else the lookup's problem.</summary>
    public static async Task<IResult> Resolve(ConversationRoute route, long? given, CallPriority priority, Func<long, Task<IResult>> then)
    {
        if (given is { } known)
        {
            return await then(known);
        }

        var lookup = await route.Gate.InvokeAsync(
            route.Tenant, priority, CallLane.General, (udesk, ct) => udesk.GetCustomerAsync(CustomerLookup.ByToken(route.Token), ct), route.Aborted);
        if (lookup.Succeeded(out var found) && found.Customer?.Id is { } id)
        {
            return await then(id);
        }

        return lookup.WasMade && lookup.Result.Error is null or { Kind: UdeskErrorKind.Business }
            ? Problems.Result(Problems.Conflict($"Udesk has no customer with customer token '{route.Token}'; pass customer_id, or create it with PUT /v1/customers/{{token}}."))
            : lookup.ToHttp();
    }
}
