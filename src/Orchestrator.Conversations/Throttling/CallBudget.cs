namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// The company call budget's rules, without the actor: every tenant's sliding windows, waiting requests and held
/// slots. Pure: time is an argument and nothing is sent; a waiting request carries its <typeparamref name="TCaller"/>
/// so the grant can be handed back to whoever asked. <see cref="CallBudgetActor"/> only wires messages and timers to it.
/// </summary>
public sealed class CallBudget<TCaller>(CallBudgetOptions options, Random random)
    where TCaller : notnull
{
    private readonly Dictionary<string, TenantBudget<TCaller>> tenants = [];
    private long arrivals;
    private DateTimeOffset? takenOverAt;

    /// <summary>Requests waiting for a permit, per tenant.</summary>
    public IEnumerable<(string Tenant, int Depth)> QueueDepths => tenants.Select(t => (t.Key, t.Value.QueueDepth));

    /// <summary>
    /// Queues <paramref name="request"/>; it is granted by a later <see cref="Grant"/>. The same request from the same
    /// caller again (its answer is late, or the budget moved) is not queued twice: while it waits, nothing; once
    /// granted, the answer is that same grant (send it again), never a second slot.
    /// </summary>
    public PermitGranted? Enqueue(RequestPermit request, TCaller caller, DateTimeOffset now) =>
        Budget(request.Tenant).Enqueue(request, caller, ++arrivals, now);

    /// <summary>
    /// This budget takes over from another whose windows are lost (its node died, or it was restarted): every
    /// window, of every tenant, counts as full at <paramref name="now"/>, so together the two never let through more
    /// than Udesk allows. It costs up to one window without calls; a call granted before and answered after the
    /// take-over counts from its answer (see <see cref="Release"/>).
    /// </summary>
    public void TakeOver(DateTimeOffset now)
    {
        takenOverAt = now;
        foreach (var budget in tenants.Values)
        {
            budget.AssumeFullAt(now);
        }
    }

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

    /// <summary>
    /// The call granted with the token is over: its window runs from <paramref name="now"/>. A token of a budget
    /// before this one counts as a call made now.
    /// </summary>
    public void Release(ReleasePermit release, DateTimeOffset now) => Budget(release.Tenant).Release(release.Token, now);

    /// <summary>Whether <paramref name="caller"/> still has a request queued or a slot held, in any tenant.</summary>
    public bool Owes(TCaller caller) => tenants.Values.Any(budget => budget.Owes(caller));

    /// <summary>
    /// <paramref name="caller"/> is gone: its queued requests are dropped and the slots it held count as answered at
    /// <paramref name="now"/>, so a caller that died with a call in flight costs one window, not a held slot's lapse.
    /// </summary>
    public void Forget(TCaller caller, DateTimeOffset now)
    {
        foreach (var budget in tenants.Values)
        {
            budget.Forget(caller, now);
        }
    }

    /// <summary>The tenant's windows and queue at <paramref name="now"/> (a tenant not seen yet reads empty).</summary>
    public TenantBudgetReading ReadingAt(string tenant, DateTimeOffset now) => Budget(tenant).ReadingAt(now);

    private TenantBudget<TCaller> Budget(string tenant)
    {
        if (!tenants.TryGetValue(tenant, out var budget))
        {
            budget = new TenantBudget<TCaller>(
                tenant,
                new SlidingWindowLog(options.BudgetFor(tenant), options.BudgetWindow + options.SafetyMargin, options.MaxCallDuration),
                new SlidingWindowLog(1, options.StructuredMessageInterval + options.SafetyMargin, options.MaxCallDuration),
                // Tokens start at a random point so a release meant for a previous incarnation of the budget cannot
                // free a slot of this one.
                random.NextInt64(long.MaxValue / 2));
            if (takenOverAt is { } at)
            {
                budget.AssumeFullAt(at);
            }

            tenants[tenant] = budget;
        }

        return budget;
    }
}

/// <summary>A waiting request granted: <see cref="Permit"/> goes to <see cref="Caller"/>.</summary>
public readonly record struct BudgetGrant<TCaller>(string Tenant, TCaller Caller, PermitGranted Permit);

/// <summary>What one <see cref="CallBudget{TCaller}.Grant"/> granted, and when to look again if anything still waits.</summary>
public sealed record BudgetRound<TCaller>(IReadOnlyList<BudgetGrant<TCaller>> Grants, DateTimeOffset? NextCheck);
