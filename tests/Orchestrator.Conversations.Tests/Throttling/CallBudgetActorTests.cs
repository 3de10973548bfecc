using Akka.Actor;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>
/// The actor's wiring: grants reach whoever asked, releases and its own timer grant what waits. The windows' timing
/// is <see cref="CallBudgetTests"/>' (on a fake clock); nothing here measures an interval.
/// </summary>
public sealed class CallBudgetActorTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void A_grant_goes_to_the_requester_and_a_waiting_request_is_granted_when_its_window_reopens()
    {
        // A short window on the real clock: the second grant can only come from the actor's own timer.
        var limits = new CallBudgetOptions { CallsPerMinute = 1, BudgetWindow = TimeSpan.FromMilliseconds(200), SafetyMargin = TimeSpan.Zero };
        var budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 1), first.Ref);
        budget.Tell(new ReleasePermit("default", first.ExpectMsg<PermitGranted>(m => m.RequestId == 1).Token));
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 2), second.Ref);

        second.ExpectMsg<PermitGranted>(m => m.RequestId == 2, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_release_grants_the_request_waiting_for_the_held_slot()
    {
        // The window ends at once, so only the held slot stands in the way; the release is what frees it.
        var limits = new CallBudgetOptions { CallsPerMinute = 1, BudgetWindow = TimeSpan.FromMilliseconds(10), SafetyMargin = TimeSpan.Zero, MaxCallDuration = TimeSpan.FromHours(1) };
        var budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 1));
        var held = ExpectMsg<PermitGranted>(m => m.RequestId == 1);
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 2));

        budget.Tell(new ReleasePermit("default", held.Token));

        Assert.Equal(2, ExpectMsg<PermitGranted>(TimeSpan.FromSeconds(10)).RequestId);
    }

    [Fact]
    public void A_caller_that_dies_holding_a_slot_and_waiting_for_another_stands_in_no_one_elses_way()
    {
        // Only the dead caller's death can free the slot (its hold lasts an hour) and drop its queued request, which
        // came first: the other caller's grant proves both.
        var limits = new CallBudgetOptions { CallsPerMinute = 1, BudgetWindow = TimeSpan.FromMilliseconds(10), SafetyMargin = TimeSpan.Zero, MaxCallDuration = TimeSpan.FromHours(1) };
        var budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));
        var dying = CreateTestProbe();
        var other = CreateTestProbe();
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 1), dying.Ref);
        dying.ExpectMsg<PermitGranted>();
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 2), dying.Ref);
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 1), other.Ref);

        Sys.Stop(dying.Ref);

        other.ExpectMsg<PermitGranted>(m => m.RequestId == 1, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Tenants_have_separate_budgets()
    {
        var limits = new CallBudgetOptions { CallsPerMinute = 2, BudgetWindow = TimeSpan.FromMinutes(1) };
        var budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));

        // A request id names one request of its caller (asked again, it is the same request): each one its own.
        foreach (var (tenant, id) in new[] { ("a", 1L), ("a", 2L), ("b", 3L), ("b", 4L) })
        {
            budget.Tell(new RequestPermit(tenant, CallPriority.Query, CallLane.General, id));
            ExpectMsg<PermitGranted>();
        }

        budget.Tell(new RequestPermit("a", CallPriority.Query, CallLane.General, 5));
        budget.Tell(new TryAcquirePermit("a", CallPriority.Query, CallLane.General, 6));

        // Replies come in order: a grant of request 5 would have come before this refusal.
        Assert.Equal(6, ExpectMsg<PermitRefused>().RequestId);
    }
}
