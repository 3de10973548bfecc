namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// The company call budget's rules, without the actor: every tenant's sliding windows, waiting requests and held
/// slots. Pure: time is an argument and nothing is sent; a waiting request carries its <typeparamref name="TCaller"/>
/// so the grant can be handed back to whoever asked. <see cref="CallBudgetActor"/> only wires messages and timers to it.
/// </summary>
public sealed class CallBudget<TCaller>(CallBudgetOptions options, Random random)
{
    private readonly Dictionary<string, TenantBudget<TCaller>> tenants = [];
    private long arrivals;

    /// <summary>Queues <paramref name="request"/>; it is granted by a later <see cref="Grant"/>.</summary>
    public void Enqueue(RequestPermit request, TCaller caller) => Budget(request.Tenant).Enqueue(request, caller, ++arrivals);

    /// <summary>Grants every waiting request the windows allow at <paramref name="now"/>, most urgent first.</summary>
    public BudgetRound<TCaller> Grant(DateTimeOffset now)
    {
        var grants = new List<BudgetGrant<TCaller>>();
        DateTimeOffset? nextCheck = null;
        foreach (var budget in tenants.Values)
        {
            if (budget.Grant(now, grants) is { } at && (nextCheck is null || at < nextCheck))
            {
                nextCheck = at;
            }
        }

        return new BudgetRound<TCaller>(grants, nextCheck);
    }

    /// <summary>
    /// A permit now if the windows allow and nothing as urgent waits, else a refusal with when to try again. Call
    /// <see cref="Grant"/> first, so a try never takes a slot a waiting request is owed.
    /// </summary>
    public object TryAcquire(TryAcquirePermit request, DateTimeOffset now) => Budget(request.Tenant).TryGrant(request, now);

    /// <summary>The call granted with the token is over: its window runs from <paramref name="now"/>.</summary>
    public void Release(ReleasePermit release, DateTimeOffset now)
    {
        if (tenants.TryGetValue(release.Tenant, out var budget))
        {
            budget.Release(release.Token, now);
        }
    }

    private TenantBudget<TCaller> Budget(string tenant)
    {
        if (!tenants.TryGetValue(tenant, out var budget))
        {
            budget = new TenantBudget<TCaller>(
                new SlidingWindowLog(options.BudgetFor(tenant), options.BudgetWindow + options.SafetyMargin, options.MaxCallDuration),
                new SlidingWindowLog(1, options.StructuredMessageInterval + options.SafetyMargin, options.MaxCallDuration),
                // Tokens start at a random point so a release meant for a previous incarnation of the budget cannot
                // free a slot of this one.
                random.NextInt64(long.MaxValue / 2));
            tenants[tenant] = budget;
        }

        return budget;
    }
}

/// <summary>A waiting request granted: <see cref="Permit"/> goes to <see cref="Caller"/>.</summary>
public readonly record struct BudgetGrant<TCaller>(TCaller Caller, PermitGranted Permit);

/// <summary>What one <see cref="CallBudget{TCaller}.Grant"/> granted, and when to look again if anything still waits.</summary>
public sealed record BudgetRound<TCaller>(IReadOnlyList<BudgetGrant<TCaller>> Grants, DateTimeOffset? NextCheck);
