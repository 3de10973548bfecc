using Akka.Actor;
using Akka.TestKit;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;

namespace Orchestrator.Conversations.Tests.Throttling;

public sealed class CallBudgetActorTests : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>Times the grants, each released at once as a call answered instantly would be.</summary>
    private static IReadOnlyList<DateTimeOffset> GrantTimes(IActorRef budget, TestProbe probe, int count)
    {
        var times = new List<DateTimeOffset>();
        for (var i = 0; i < count; i++)
        {
            var granted = probe.ExpectMsg<PermitGranted>(TimeSpan.FromSeconds(10));
            times.Add(DateTimeOffset.UtcNow);
            budget.Tell(new ReleasePermit("default", granted.Token));
        }

        return times;
    }

    [Fact]
    public void The_company_budget_is_never_exceeded_in_any_window()
    {
        // Grants are timed where the test receives them, so the default safety margin absorbs that delivery jitter.
        var limits = new CallBudgetOptions { CallsPerMinute = 5, BudgetWindow = TimeSpan.FromSeconds(1) };
        var budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));
        var probe = CreateTestProbe();

        foreach (var i in Enumerable.Range(1, 20))
        {
            budget.Tell(new RequestPermit("default", CallPriority.CustomerMessage, CallLane.General, i), probe.Ref);
        }

        var times = GrantTimes(budget, probe, 20);

        WindowAssert.AtMost(5, TimeSpan.FromSeconds(1), times);
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(3), "20 calls at 5 per second span at least 3 s");
    }

    [Fact]
    public void Tenants_have_separate_budgets()
    {
        var limits = new CallBudgetOptions { CallsPerMinute = 2, BudgetWindow = TimeSpan.FromMinutes(1) };
        var budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));

        foreach (var tenant in new[] { "a", "a", "b", "b" })
        {
            budget.Tell(new RequestPermit(tenant, CallPriority.Query, CallLane.General, 1));
            ExpectMsg<PermitGranted>();
        }

        budget.Tell(new RequestPermit("a", CallPriority.Query, CallLane.General, 2));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Waiting_customer_messages_go_before_waiting_queries()
    {
        var limits = new CallBudgetOptions { CallsPerMinute = 1, BudgetWindow = TimeSpan.FromSeconds(1), SafetyMargin = TimeSpan.Zero };
        var budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 0));
        budget.Tell(new ReleasePermit("default", ExpectMsg<PermitGranted>(m => m.RequestId == 0).Token));

        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 1));
        budget.Tell(new RequestPermit("default", CallPriority.Preview, CallLane.General, 2));
        budget.Tell(new RequestPermit("default", CallPriority.CustomerMessage, CallLane.General, 3));

        var order = Enumerable.Range(0, 3).Select(_ =>
        {
            var granted = ExpectMsg<PermitGranted>(TimeSpan.FromSeconds(5));
            budget.Tell(new ReleasePermit("default", granted.Token));
            return granted.RequestId;
        });
        Assert.Equal([3L, 2, 1], order);
    }

    [Fact]
    public void Structured_messages_are_spaced_by_their_interval_and_do_not_hold_up_other_calls()
    {
        var limits = new CallBudgetOptions { CallsPerMinute = 1000, StructuredMessageInterval = TimeSpan.FromSeconds(1), SafetyMargin = TimeSpan.Zero };
        var budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));
        var structured = CreateTestProbe();
        var general = CreateTestProbe();

        foreach (var i in Enumerable.Range(1, 4))
        {
            budget.Tell(new RequestPermit("default", CallPriority.Session, CallLane.StructuredMessage, i), structured.Ref);
        }

        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 99), general.Ref);
        general.ExpectMsg<PermitGranted>(TimeSpan.FromMilliseconds(500));
        var times = GrantTimes(budget, structured, 4);

        WindowAssert.AtMost(1, TimeSpan.FromSeconds(1), times);
    }

    [Fact]
    public void A_granted_call_holds_its_slot_until_released_and_its_window_runs_from_the_release()
    {
        var limits = new CallBudgetOptions { CallsPerMinute = 1, BudgetWindow = TimeSpan.FromMilliseconds(300), SafetyMargin = TimeSpan.Zero };
        var budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 1));
        var first = ExpectMsg<PermitGranted>();
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 2));

        // Still in flight, as a slow Udesk answer would be, long after the window alone would have reopened.
        ExpectNoMsg(TimeSpan.FromMilliseconds(900));
        var released = DateTimeOffset.UtcNow;
        budget.Tell(new ReleasePermit("default", first.Token));

        Assert.Equal(2, ExpectMsg<PermitGranted>(TimeSpan.FromSeconds(5)).RequestId);
        Assert.True(DateTimeOffset.UtcNow - released >= TimeSpan.FromMilliseconds(300), "the window starts when the call was answered");
    }

    [Fact]
    public void A_slot_nobody_releases_lapses_after_the_longest_call()
    {
        var limits = new CallBudgetOptions { CallsPerMinute = 1, BudgetWindow = TimeSpan.FromMilliseconds(100), SafetyMargin = TimeSpan.Zero, MaxCallDuration = TimeSpan.FromSeconds(1) };
        var budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 1));
        ExpectMsg<PermitGranted>();
        var granted = DateTimeOffset.UtcNow;
        budget.Tell(new RequestPermit("default", CallPriority.Query, CallLane.General, 2));

        Assert.Equal(2, ExpectMsg<PermitGranted>(TimeSpan.FromSeconds(5)).RequestId);
        Assert.True(DateTimeOffset.UtcNow - granted >= TimeSpan.FromSeconds(1), "the unreleased slot is held for the longest call first");
    }
}
