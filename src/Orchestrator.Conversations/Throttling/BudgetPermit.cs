using Akka.Actor;
using Orchestrator.Conversations.Outbox;

namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// One actor's place in the company call budget: asks for a permit, recognises the grant of its latest request
/// (older ones may still arrive), and returns what it holds once the call is over or the actor stops, so a slot is
/// never left taken. Used by every child that calls Udesk.
/// </summary>
internal sealed class BudgetPermit(IActorRef budget, string tenant)
{
    private long request;
    private long? held;

    /// <summary>Asks for a permit; the grant comes to <paramref name="self"/> as <see cref="PermitGranted"/>.</summary>
    public void Request(IActorRef self, CallPriority priority, CallLane lane = CallLane.General) =>
        budget.Tell(new RequestPermit(tenant, priority, lane, ++request), self);

    /// <summary>Whether <paramref name="granted"/> answers the latest request.</summary>
    public bool Answers(PermitGranted granted) => granted.RequestId == request;

    /// <summary>Takes <paramref name="granted"/>: held until <see cref="Return"/>.</summary>
    public void Hold(PermitGranted granted) => held = granted.Token;

    /// <summary>The call is over (answered, failed or abandoned): the budget starts its window now.</summary>
    public void Return()
    {
        if (held is { } token)
        {
            budget.Tell(new ReleasePermit(tenant, token));
            held = null;
        }
    }
}
