using Akka.Actor;

namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// The company call budget, shared by every conversation of the cluster (it runs as a cluster singleton).
/// Requests wait in priority order (customer messages first) and are granted as the sliding windows allow:
/// queued, never dropped. A <see cref="TryAcquirePermit"/> is answered at once instead, granted only when the windows
/// have room now and nothing as urgent or more is waiting. A grant holds its slot until <see cref="ReleasePermit"/>.
/// </summary>
public sealed class CallBudgetActor : ReceiveActor, IWithTimers
{
    private const string TickTimer = "tick";

    private readonly CallBudgetOptions options;
    private readonly TimeProvider time;
    private readonly Dictionary<string, TenantBudget> tenants = [];
    private long arrivals;

    public CallBudgetActor(CallBudgetOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        Receive<RequestPermit>(request =>
        {
            Budget(request.Tenant).Waiting.Enqueue((request, Sender), (request.Priority, ++arrivals));
            GrantWhatFits();
        });
        Receive<TryAcquirePermit>(request =>
        {
            // Waiters whose windows have reopened go first, so a try never takes a slot a queued call is owed.
            GrantWhatFits();
            Sender.Tell(Budget(request.Tenant).TryGrant(request, time.GetUtcNow()));
        });
        Receive<ReleasePermit>(release =>
        {
            if (tenants.TryGetValue(release.Tenant, out var budget))
            {
                budget.Release(release.Token, time.GetUtcNow());
                GrantWhatFits();
            }
        });
        Receive<Tick>(_ => GrantWhatFits());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(CallBudgetOptions options, TimeProvider time) => Akka.Actor.Props.Create(() => new CallBudgetActor(options, time));

    private TenantBudget Budget(string tenant)
    {
        if (!tenants.TryGetValue(tenant, out var budget))
        {
            budget = new TenantBudget(
                new SlidingWindowLog(options.BudgetFor(tenant), options.BudgetWindow + options.SafetyMargin, options.MaxCallDuration),
                new SlidingWindowLog(1, options.StructuredMessageInterval + options.SafetyMargin, options.MaxCallDuration),
                // Tokens start at a random point so a release meant for a previous incarnation of this singleton
                // cannot free a slot of this one.
                Random.Shared.NextInt64(long.MaxValue / 2));
            tenants[tenant] = budget;
        }

        return budget;
    }

    private void GrantWhatFits()
    {
        var now = time.GetUtcNow();
        DateTimeOffset? nextCheck = null;
        foreach (var budget in tenants.Values)
        {
            var wakeUp = budget.Grant(now);
            if (wakeUp is { } at && (nextCheck is null || at < nextCheck))
            {
                nextCheck = at;
            }
        }

        if (nextCheck is { } next)
        {
            Timers.StartSingleTimer(TickTimer, Tick.Instance, next - now > TimeSpan.Zero ? next - now : TimeSpan.FromMilliseconds(1));
        }
    }

    private sealed class Tick : INoSerializationVerificationNeeded
    {
        public static readonly Tick Instance = new();
    }

    private sealed class TenantBudget(SlidingWindowLog calls, SlidingWindowLog structured, long firstToken)
    {
        private readonly Dictionary<long, (SlidingWindowLog.Slot Call, SlidingWindowLog.Slot? Structured)> held = [];
        private long lastToken = firstToken;

        public PriorityQueue<(RequestPermit Request, IActorRef ReplyTo), (Outbox.CallPriority, long)> Waiting { get; } = new();

        /// <summary>Grants in priority order while the windows allow; answers when to look again, if anything waits.</summary>
        public DateTimeOffset? Grant(DateTimeOffset now)
        {
            var blockedStructured = new List<((RequestPermit, IActorRef), (Outbox.CallPriority, long))>();
            DateTimeOffset? wakeUp = null;
            while (Waiting.TryPeek(out var next, out var rank))
            {
                if (calls.NextAllowedAt(now) > now)
                {
                    wakeUp = Min(wakeUp, calls.NextAllowedAt(now));
                    break;
                }

                Waiting.Dequeue();
                if (next.Request.Lane == CallLane.StructuredMessage && structured.NextAllowedAt(now) > now)
                {
                    // Another structured message went out less than the interval ago; later calls may still go.
                    blockedStructured.Add((next, rank));
                    wakeUp = Min(wakeUp, structured.NextAllowedAt(now));
                    continue;
                }

                next.ReplyTo.Tell(Take(next.Request.RequestId, next.Request.Lane, now));
            }

            foreach (var (item, rank) in blockedStructured)
            {
                Waiting.Enqueue(item, rank);
            }

            return Waiting.Count == 0 ? null : wakeUp;
        }

        /// <summary>A permit now if the windows allow and no waiting call is as urgent; otherwise when to try again.</summary>
        public object TryGrant(TryAcquirePermit request, DateTimeOffset now)
        {
            var structuredLane = request.Lane == CallLane.StructuredMessage;
            var callsAt = calls.NextAllowedAt(now);
            var laneAt = structuredLane ? structured.NextAllowedAt(now) : now;
            var waitingAhead = Waiting.UnorderedItems.Any(w =>
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
}
