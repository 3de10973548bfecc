using Akka.Actor;
using Akka.Event;
using Orchestrator.Conversations.Telemetry;

namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// The company call budget, shared by every conversation of the cluster (it runs as a cluster singleton).
/// Requests wait in priority order (customer messages first) and are granted as the sliding windows allow:
/// queued, never dropped. A <see cref="TryAcquirePermit"/> is answered at once instead, granted only when the windows
/// have room now and nothing as urgent or more is waiting. A grant holds its slot until <see cref="ReleasePermit"/>.
/// The rules are <see cref="CallBudget{TCaller}"/>'s; this actor hands it the messages and the time, sends the
/// grants and wakes itself when a window reopens. Its windows live only in memory: an incarnation that follows
/// another (<see cref="BudgetSuccession"/>) takes over conservatively (<see cref="CallBudget{TCaller}.TakeOver"/>).
/// </summary>
public sealed class CallBudgetActor : ReceiveActor, IWithTimers
{
    public const string SingletonName = "udesk-call-budget";
    private const string TickTimer = "tick";

    private readonly CallBudget<IActorRef> budget;
    private readonly TimeProvider time;
    private readonly Func<bool> followsAnother;
    private readonly string node = NodeAddress.Of(Context.System);
    private readonly ILoggingAdapter log = Context.GetLogger();

    public CallBudgetActor(CallBudgetOptions options, TimeProvider time, Func<bool> followsAnother)
    {
        budget = new CallBudget<IActorRef>(options, Random.Shared);
        this.time = time;
        this.followsAnother = followsAnother;
        Receive<RequestPermit>(request =>
        {
            // Watched while it is owed a grant or owes a release: should it die (or its node leave), nothing waits for it.
            if (!Sender.IsNobody())
            {
                Context.Watch(Sender);
            }

            if (budget.Enqueue(request, Sender, time.GetUtcNow()) is { } again)
            {
                // Asked again for a permit already granted: the same one, never a second slot.
                Sender.Tell(again);
            }

            GrantWhatFits();
        });
        Receive<TryAcquirePermit>(request =>
        {
            // Waiters whose windows have reopened go first, so a try never takes a slot a queued call is owed.
            GrantWhatFits();
            var answer = budget.TryAcquire(request, time.GetUtcNow());
            if (answer is PermitGranted)
            {
                OrchestratorMetrics.PermitGranted(request.Tenant);
            }
            else
            {
                OrchestratorMetrics.PermitRefused(request.Tenant);
            }

            Sender.Tell(answer);
        });
        Receive<ReleasePermit>(release =>
        {
            budget.Release(release, time.GetUtcNow());
            if (!Sender.IsNobody() && !budget.Owes(Sender))
            {
                Context.Unwatch(Sender);
            }

            GrantWhatFits();
        });
        Receive<Terminated>(gone =>
        {
            budget.Forget(gone.ActorRef, time.GetUtcNow());
            GrantWhatFits();
        });
        Receive<ReadCallBudget>(read => Sender.Tell(budget.ReadingAt(read.Tenant, time.GetUtcNow())));
        Receive<Tick>(_ => GrantWhatFits());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="followsAnother">
    /// Asked at start: whether a budget ran before this one and its windows are lost (the service asks
    /// <see cref="BudgetSuccession"/>); none means never.
    /// </param>
    public static Props Props(CallBudgetOptions options, TimeProvider time, Func<bool>? followsAnother = null) =>
        Akka.Actor.Props.Create(() => new CallBudgetActor(options, time, followsAnother ?? (() => false)));

    protected override void PreStart() => Started(followsAnother());

    /// <summary>Restarted after a failure: what the previous instance granted is forgotten, so it is taken over too.</summary>
    protected override void PostRestart(Exception reason) => Started(takesOver: true);

    protected override void PostStop()
    {
        OrchestratorMetrics.Singletons.Remove(node, SingletonName);
        OrchestratorMetrics.BudgetQueue.RemoveNode(node);
    }

    private void Started(bool takesOver)
    {
        OrchestratorMetrics.Singletons.Set(node, SingletonName, 1);
        if (takesOver)
        {
            log.Info("The call budget takes over from a previous one whose windows are lost: no Udesk call is granted for one window from now");
            budget.TakeOver(time.GetUtcNow());
        }
    }

    private void GrantWhatFits()
    {
        var now = time.GetUtcNow();
        var round = budget.Grant(now);
        foreach (var grant in round.Grants)
        {
            OrchestratorMetrics.PermitGranted(grant.Tenant);
            grant.Caller.Tell(grant.Permit);
        }

        foreach (var (tenant, depth) in budget.QueueDepths)
        {
            OrchestratorMetrics.BudgetQueue.Set(node, tenant, depth);
        }

        if (round.NextCheck is { } next)
        {
            Timers.StartSingleTimer(TickTimer, Tick.Instance, next - now > TimeSpan.Zero ? next - now : TimeSpan.FromMilliseconds(1));
        }
    }

    private sealed class Tick : INoSerializationVerificationNeeded
    {
        public static readonly Tick Instance = new();
    }
}
