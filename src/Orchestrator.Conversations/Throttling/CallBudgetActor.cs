using Akka.Actor;

namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// The company call budget, shared by every conversation of the cluster (it runs as a cluster singleton).
/// Requests wait in priority order (customer messages first) and are granted as the sliding windows allow:
/// queued, never dropped. A <see cref="TryAcquirePermit"/> is answered at once instead, granted only when the windows
/// have room now and nothing as urgent or more is waiting. A grant holds its slot until <see cref="ReleasePermit"/>.
/// The rules are <see cref="CallBudget{TCaller}"/>'s; this actor hands it the messages and the time, sends the
/// grants and wakes itself when a window reopens.
/// </summary>
public sealed class CallBudgetActor : ReceiveActor, IWithTimers
{
    private const string TickTimer = "tick";

    private readonly CallBudget<IActorRef> budget;
    private readonly TimeProvider time;

    public CallBudgetActor(CallBudgetOptions options, TimeProvider time)
    {
        budget = new CallBudget<IActorRef>(options, Random.Shared);
        this.time = time;
        Receive<RequestPermit>(request =>
        {
            budget.Enqueue(request, Sender);
            GrantWhatFits();
        });
        Receive<TryAcquirePermit>(request =>
        {
            // Waiters whose windows have reopened go first, so a try never takes a slot a queued call is owed.
            GrantWhatFits();
            Sender.Tell(budget.TryAcquire(request, time.GetUtcNow()));
        });
        Receive<ReleasePermit>(release =>
        {
            budget.Release(release, time.GetUtcNow());
            GrantWhatFits();
        });
        Receive<Tick>(_ => GrantWhatFits());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(CallBudgetOptions options, TimeProvider time) => Akka.Actor.Props.Create(() => new CallBudgetActor(options, time));

    private void GrantWhatFits()
    {
        var now = time.GetUtcNow();
        var round = budget.Grant(now);
        foreach (var grant in round.Grants)
        {
            grant.Caller.Tell(grant.Permit);
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
