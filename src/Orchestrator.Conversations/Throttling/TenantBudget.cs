using Orchestrator.Conversations.Outbox;

namespace Orchestrator.Conversations.Throttling;

/// <summary>One tenant's part of <see cref="CallBudget{TCaller}"/>: its windows, its queue and the slots it holds.</summary>
internal sealed class TenantBudget<TCaller>(string tenant, SlidingWindowLog calls, SlidingWindowLog structured, long firstToken)
    where TCaller : notnull
{
    private readonly Dictionary<long, HeldSlots> held = [];
    private readonly Dictionary<(TCaller Caller, long RequestId), long> tokenOf = [];
    private readonly HashSet<(TCaller Caller, long RequestId)> queued = [];

    /// <summary>Requests queued and slots held, per caller: who may still be owed a grant or owe a release.</summary>
    private readonly Dictionary<TCaller, int> outstanding = [];
    private readonly PriorityQueue<(RequestPermit Request, TCaller Caller), (CallPriority, long)> waiting = new();
    private readonly long firstToken = firstToken;
    private long lastToken = firstToken;

    /// <summary>Requests waiting for a permit.</summary>
    public int QueueDepth => waiting.Count;

    /// <summary>How full the windows are at <paramref name="now"/> and how many requests wait.</summary>
    public TenantBudgetReading ReadingAt(DateTimeOffset now)
    {
        var structuredFreeIn = structured.NextAllowedAt(now) - now;
        return new TenantBudgetReading(
            tenant, calls.CountAt(now), calls.Limit, calls.Window, waiting.Count, structuredFreeIn > TimeSpan.Zero ? structuredFreeIn : TimeSpan.Zero, structured.Window);
    }

    /// <summary>Both windows count as full at <paramref name="at"/> (<see cref="CallBudget{TCaller}.TakeOver"/>).</summary>
    public void AssumeFullAt(DateTimeOffset at)
    {
        calls.AssumeFullAt(at);
        structured.AssumeFullAt(at);
    }

    /// <summary>
    /// Queues the request, unless this caller asked for it before (it asks again when an answer is late): one still
    /// waiting keeps its place, one already granted gets the same grant again, never a second slot.
    /// </summary>
    public PermitGranted? Enqueue(RequestPermit request, TCaller caller, long arrival, DateTimeOffset now)
    {
        var key = (caller, request.RequestId);
        if (tokenOf.TryGetValue(key, out var token) && held.TryGetValue(token, out var grant) && !calls.HasLapsed(grant.Call, now))
        {
            return new PermitGranted(request.RequestId, token);
        }

        if (queued.Add(key))
        {
            waiting.Enqueue((request, caller), (request.Priority, arrival));
            outstanding[caller] = outstanding.GetValueOrDefault(caller) + 1;
        }

        return null;
    }

    /// <summary>Grants in priority order while the windows allow; answers when to look again, if anything waits.</summary>
    public DateTimeOffset? Grant(DateTimeOffset now, List<BudgetGrant<TCaller>> grants)
    {
        var blockedStructured = new List<((RequestPermit, TCaller), (CallPriority, long))>();
        DateTimeOffset? wakeUp = null;
        while (waiting.TryPeek(out var next, out var rank))
        {
            if (calls.NextAllowedAt(now) > now)
            {
                wakeUp = Min(wakeUp, calls.NextAllowedAt(now));
                break;
            }

            waiting.Dequeue();
            if (next.Request.Lane == CallLane.StructuredMessage && structured.NextAllowedAt(now) > now)
            {
                // Another structured message went out less than the interval ago; later calls may still go.
                blockedStructured.Add((next, rank));
                wakeUp = Min(wakeUp, structured.NextAllowedAt(now));
                continue;
            }

            var caller = (next.Caller, next.Request.RequestId);
            queued.Remove(caller);
            grants.Add(new BudgetGrant<TCaller>(tenant, next.Caller, Take(next.Request.RequestId, next.Request.Lane, now, caller)));
        }

        foreach (var (item, rank) in blockedStructured)
        {
            waiting.Enqueue(item, rank);
        }

        return waiting.Count == 0 ? null : wakeUp;
    }

    /// <summary>A permit now if the windows allow and no waiting call is as urgent; otherwise when to try again.</summary>
    public object TryGrant(TryAcquirePermit request, DateTimeOffset now)
    {
        var structuredLane = request.Lane == CallLane.StructuredMessage;
        var callsAt = calls.NextAllowedAt(now);
        var laneAt = structuredLane ? structured.NextAllowedAt(now) : now;
        var waitingAhead = waiting.UnorderedItems.Any(w =>
            w.Priority.Item1 <= request.Priority && (structuredLane || w.Element.Request.Lane == CallLane.General));
        if (callsAt <= now && laneAt <= now && !waitingAhead)
        {
            return Take(request.RequestId, request.Lane, now);
        }

        var likelyAt = structuredLane && structured.LikelyAllowedAt(now) > calls.LikelyAllowedAt(now) ? structured.LikelyAllowedAt(now) : calls.LikelyAllowedAt(now);
        var retryAfter = likelyAt - now;
        return new PermitRefused(request.RequestId, retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromMilliseconds(1));
    }

    /// <summary>Whether <paramref name="caller"/> has a request queued or a slot held here.</summary>
    public bool Owes(TCaller caller) => outstanding.ContainsKey(caller);

    /// <summary>
    /// <paramref name="caller"/> is gone (stopped, or its node left the cluster): its queued requests are dropped and
    /// its held slots count as answered at <paramref name="now"/>, Udesk having counted them by then at the latest.
    /// </summary>
    public void Forget(TCaller caller, DateTimeOffset now)
    {
        if (!outstanding.ContainsKey(caller))
        {
            return;
        }

        var others = waiting.UnorderedItems.Where(item => !EqualityComparer<TCaller>.Default.Equals(item.Element.Caller, caller)).ToList();
        waiting.Clear();
        waiting.EnqueueRange(others);
        queued.RemoveWhere(key => EqualityComparer<TCaller>.Default.Equals(key.Caller, caller));
        foreach (var token in held.Where(h => h.Value.Caller is { } owner && EqualityComparer<TCaller>.Default.Equals(owner.Caller, caller)).Select(h => h.Key).ToList())
        {
            Release(token, now);
        }

        outstanding.Remove(caller);
    }

    public void Release(long token, DateTimeOffset now)
    {
        if (held.Remove(token, out var grant))
        {
            ForgetHolder(token, grant);
            calls.Release(grant.Call, now);
            if (grant.Structured is { } structuredSlot)
            {
                structured.Release(structuredSlot, now);
            }
        }
        else if (token <= firstToken || token > lastToken)
        {
            // Granted by a budget before this one, and answered only now: Udesk may have counted it as late as now.
            // Both windows count it (which lane it took is not known), at worst a slot of throughput for a window.
            calls.Record(now);
            structured.Record(now);
        }
    }

    private PermitGranted Take(long requestId, CallLane lane, DateTimeOffset now, (TCaller, long)? caller = null)
    {
        ForgetLapsedHolds(now);
        var call = calls.TryAcquire(now, hold: true)!;
        var structuredSlot = lane == CallLane.StructuredMessage ? structured.TryAcquire(now, hold: true) : null;
        held[++lastToken] = new HeldSlots(call, structuredSlot, caller);
        if (caller is { } key)
        {
            tokenOf[key] = lastToken;
        }

        return new PermitGranted(requestId, lastToken);
    }

    /// <summary>Holders that never released (their node died) must not grow the maps forever.</summary>
    private void ForgetLapsedHolds(DateTimeOffset now)
    {
        if (held.Count <= 2 * calls.Limit)
        {
            return;
        }

        foreach (var (token, grant) in held)
        {
            if (calls.HasLapsed(grant.Call, now))
            {
                held.Remove(token);
                ForgetHolder(token, grant);
            }
        }
    }

    private void ForgetHolder(long token, HeldSlots grant)
    {
        if (grant.Caller is not { } caller)
        {
            return;
        }

        if (tokenOf.GetValueOrDefault(caller) == token)
        {
            tokenOf.Remove(caller);
        }

        if (outstanding.TryGetValue(caller.Caller, out var count))
        {
            if (count > 1)
            {
                outstanding[caller.Caller] = count - 1;
            }
            else
            {
                outstanding.Remove(caller.Caller);
            }
        }
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is null || b < a ? b : a;

    /// <summary>A slot held until released, and who asked for it (none for a <see cref="TryAcquirePermit"/>).</summary>
    private sealed record HeldSlots(SlidingWindowLog.Slot Call, SlidingWindowLog.Slot? Structured, (TCaller Caller, long RequestId)? Caller);
}
