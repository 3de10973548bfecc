using Akka.Actor;

namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// The company call budget, shared by every conversation of the cluster (it runs as a cluster singleton).
/// Requests wait in priority order (customer messages first) and are granted as the sliding windows allow:
/// queued, never dropped.
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
        Receive<Tick>(_ => GrantWhatFits());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(CallBudgetOptions options, TimeProvider time) => Akka.Actor.Props.Create(() => new CallBudgetActor(options, time));

    private TenantBudget Budget(string tenant)
    {
        if (!tenants.TryGetValue(tenant, out var budget))
        {
            budget = new TenantBudget(
                new SlidingWindowLog(options.BudgetFor(tenant), options.BudgetWindow + options.SafetyMargin),
                new SlidingWindowLog(1, options.StructuredMessageInterval + options.SafetyMargin));
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

    private sealed class TenantBudget(SlidingWindowLog calls, SlidingWindowLog structured)
    {
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
                    wakeUp = calls.NextAllowedAt(now);
                    break;
                }

                Waiting.Dequeue();
                if (next.Request.Lane == CallLane.StructuredMessage && !structured.TryAcquire(now))
                {
                    // Another structured message went out less than the interval ago; later calls may still go.
                    blockedStructured.Add((next, rank));
                    wakeUp = Min(wakeUp, structured.NextAllowedAt(now));
                    continue;
                }

                calls.TryAcquire(now);
                next.ReplyTo.Tell(new PermitGranted(next.Request.RequestId));
            }

            foreach (var (item, rank) in blockedStructured)
            {
                Waiting.Enqueue(item, rank);
            }

            return Waiting.Count == 0 ? null : wakeUp;
        }

        private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is null || b < a ? b : a;
    }
}
