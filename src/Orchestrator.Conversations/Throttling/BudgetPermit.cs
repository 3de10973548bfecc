using Akka.Actor;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Telemetry;

namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// One actor's place in the company call budget: asks for a permit, asks again with the same request when no
/// answer came within <see cref="CallBudgetOptions.PermitRequestTimeout"/> (the budget singleton moved, or a message
/// was lost; the budget never queues a request twice), takes the grant of the request waiting and gives back any
/// other (late, repeated, or from a budget that has since moved), and returns what it holds once the call is over or
/// the actor stops, so a slot is never left taken and a call never goes twice. Used by every child that calls Udesk;
/// the actor passes on <see cref="PermitGranted"/> (<see cref="Take"/>) and <see cref="Overdue"/> (<see cref="AskAgain"/>).
/// </summary>
internal sealed class BudgetPermit(IActorRef budget, string tenant, IActorRef owner, ITimerScheduler timers, CallBudgetOptions limits, TimeProvider time)
{
    private const string OverdueTimer = "budget-permit-overdue";

    private RequestPermit? waiting;
    private DateTimeOffset askedAt;
    private long request;
    private long? held;

    /// <summary>Asks for a permit; the grant comes to the owner as <see cref="PermitGranted"/>.</summary>
    public void Request(CallPriority priority, CallLane lane = CallLane.General)
    {
        waiting = new RequestPermit(tenant, priority, lane, ++request);
        askedAt = time.GetUtcNow();
        Send(waiting);
    }

    /// <summary>The request still waiting, if any, goes to the budget again (its answer is overdue, or a sweep woke the owner).</summary>
    public void AskAgain()
    {
        if (waiting is { } again)
        {
            Send(again);
        }
    }

    /// <summary>
    /// Whether <paramref name="granted"/> answers the request waiting; then it is held until <see cref="Return"/>.
    /// Any other grant is not used: given back, unless it is the one already held.
    /// </summary>
    public bool Take(PermitGranted granted)
    {
        if (waiting?.RequestId == granted.RequestId)
        {
            waiting = null;
            timers.Cancel(OverdueTimer);
            held = granted.Token;
            OrchestratorMetrics.PermitWaited(tenant, time.GetUtcNow() - askedAt);
            return true;
        }

        if (granted.Token != held)
        {
            budget.Tell(new ReleasePermit(tenant, granted.Token));
        }

        return false;
    }

    /// <summary>The call is over (answered, failed or abandoned): the budget starts its window now.</summary>
    public void Return()
    {
        if (held is { } token)
        {
            budget.Tell(new ReleasePermit(tenant, token));
            held = null;
        }
    }

    private void Send(RequestPermit permit)
    {
        budget.Tell(permit, owner);
        timers.StartSingleTimer(OverdueTimer, Overdue.Instance, limits.PermitRequestTimeout);
    }

    /// <summary>No answer to the request within the time-out: the owner hands it to <see cref="AskAgain"/>.</summary>
    public sealed class Overdue : INoSerializationVerificationNeeded
    {
        public static readonly Overdue Instance = new();
    }
}
