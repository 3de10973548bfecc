using Orchestrator.Conversations.Outbox;

namespace Orchestrator.Conversations.Throttling;

/// <summary>One tenant's part of <see cref="CallBudget{TCaller}"/>: its windows, its queue and the slots it holds.</summary>
internal sealed class TenantBudget<TCaller>(SlidingWindowLog calls, SlidingWindowLog structured, long firstToken)
{
    private readonly Dictionary<long, (SlidingWindowLog.Slot Call, SlidingWindowLog.Slot? Structured)> held = [];
    private readonly PriorityQueue<(RequestPermit Request, TCaller Caller), (CallPriority, long)> waiting = new();
    private long lastToken = firstToken;

    public void Enqueue(RequestPermit request, TCaller caller, long arrival) => waiting.Enqueue((request, caller), (request.Priority, arrival));

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

            grants.Add(new BudgetGrant<TCaller>(next.Caller, Take(next.Request.RequestId, next.Request.Lane, now)));
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
        if (held.Remove(token, out var slots))
        {
            SlidingWindowLog.Release(slots.Call, now);
            if (slots.Structured is { } structuredSlot)
            {
                SlidingWindowLog.Release(structuredSlot, now);
            }
        }
    }

    private PermitGranted Take(long requestId, CallLane lane, DateTimeOffset now)
    {
        ForgetLapsedHolds(now);
        var call = calls.TryAcquire(now, hold: true)!;
        var structuredSlot = lane == CallLane.StructuredMessage ? structured.TryAcquire(now, hold: true) : null;
        held[++lastToken] = (call, structuredSlot);
        return new PermitGranted(requestId, lastToken);
    }

    /// <summary>Holders that never released (their node died) must not grow the map forever.</summary>
    private void ForgetLapsedHolds(DateTimeOffset now)
    {
        if (held.Count <= 2 * calls.Limit)
        {
            return;
        }

        foreach (var (token, slots) in held)
        {
            if (calls.HasLapsed(slots.Call, now))
            {
                held.Remove(token);
            }
        }
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is null || b < a ? b : a;
}
