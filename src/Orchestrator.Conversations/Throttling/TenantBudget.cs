using Orchestrator.Conversations.Outbox;

namespace Orchestrator.Conversations.Throttling;

/// <summary>One tenant's part of <see cref="CallBudget{TCaller}"/>: its windows, its queue and the slots it holds.</summary>
internal sealed class TenantBudget<TCaller>(string tenant, SlidingWindowLog calls, SlidingWindowLog structured, long firstToken)
    where TCaller : notnull
{
    private readonly Dictionary<long, HeldSlots> held = [];
    private readonly Dictionary<(TCaller Caller, long RequestId), long> tokenOf = [];
    private readonly HashSet<(TCaller Caller, long RequestId)> queued = [];
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

    public void Release(long token, DateTimeOffset now)
    {
        if (held.Remove(token, out var grant))
        {
            Forget(token, grant);
            SlidingWindowLog.Release(grant.Call, now);
            if (grant.Structured is { } structuredSlot)
            {
                SlidingWindowLog.Release(structuredSlot, now);
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
                Forget(token, grant);
            }
        }
    }

    private void Forget(long token, HeldSlots grant)
    {
        if (grant.Caller is { } caller && tokenOf.GetValueOrDefault(caller) == token)
        {
            tokenOf.Remove(caller);
        }
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is null || b < a ? b : a;

    /// <summary>A slot held until released, and who asked for it (none for a <see cref="TryAcquirePermit"/>).</summary>
    private sealed record HeldSlots(SlidingWindowLog.Slot Call, SlidingWindowLog.Slot? Structured, (TCaller Caller, long RequestId)? Caller);
}
