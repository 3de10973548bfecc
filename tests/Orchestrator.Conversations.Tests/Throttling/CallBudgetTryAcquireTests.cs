using Akka.Actor;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>
/// <see cref="TryAcquirePermit"/>: answered at once, never queued, and never ahead of a waiting call as urgent or
/// more. Time is a fake clock, so windows "pass" only when the test says so.
/// </summary>
public sealed class CallBudgetTryAcquireTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private IActorRef budget = ActorRefs.Nobody;

    private IActorRef Budget(CallBudgetOptions limits) => budget = Sys.ActorOf(CallBudgetActor.Props(limits, time));

    /// <summary>
    /// The granted call was answered at once: its window starts now. The release has no reply, so a try for another
    /// tenant makes the round trip that shows it was handled before the test moves the clock.
    /// </summary>
    private void Answered(PermitGranted granted)
    {
        budget.Tell(new ReleasePermit("acme", granted.Token));
        budget.Tell(new TryAcquirePermit("round-trip", CallPriority.Query, CallLane.General, -1));
        ExpectMsg<object>(reply => reply is PermitGranted { RequestId: -1 } or PermitRefused { RequestId: -1 });
    }

    [Fact]
    public void A_try_is_granted_while_the_window_has_room_and_refused_with_the_time_until_it_reopens()
    {
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 2, SafetyMargin = TimeSpan.FromMilliseconds(100) });

        budget.Tell(new TryAcquirePermit("acme", CallPriority.Query, CallLane.General, 1));
        Answered(ExpectMsg<PermitGranted>(m => m.RequestId == 1));
        time.Advance(TimeSpan.FromSeconds(10));
        budget.Tell(new TryAcquirePermit("acme", CallPriority.Query, CallLane.General, 2));
        Answered(ExpectMsg<PermitGranted>(m => m.RequestId == 2));

        budget.Tell(new TryAcquirePermit("acme", CallPriority.Query, CallLane.General, 3));
        var refused = ExpectMsg<PermitRefused>();

        Assert.Equal(3, refused.RequestId);
        // The first grant leaves the window 60.1 s after it was made, 10 s ago.
        Assert.Equal(TimeSpan.FromSeconds(50.1), refused.RetryAfter);

        time.Advance(refused.RetryAfter);
        budget.Tell(new TryAcquirePermit("acme", CallPriority.Query, CallLane.General, 4));
        Answered(ExpectMsg<PermitGranted>(m => m.RequestId == 4));
    }

    [Fact]
    public void A_granted_try_counts_against_the_budget_queued_requests_draw_on()
    {
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 1, SafetyMargin = TimeSpan.Zero });

        budget.Tell(new TryAcquirePermit("acme", CallPriority.Query, CallLane.General, 1));
        ExpectMsg<PermitGranted>(m => m.RequestId == 1);
        budget.Tell(new RequestPermit("acme", CallPriority.CustomerMessage, CallLane.General, 2));
        budget.Tell(new TryAcquirePermit("acme", CallPriority.Query, CallLane.General, 3));

        // The queued request is not granted: the try already used the only call of the window.
        Assert.Equal(3, ExpectMsg<PermitRefused>().RequestId);
    }

    [Fact]
    public void A_try_does_not_take_the_slot_a_waiting_customer_message_is_owed()
    {
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 1, SafetyMargin = TimeSpan.Zero });
        budget.Tell(new RequestPermit("acme", CallPriority.Query, CallLane.General, 1));
        Answered(ExpectMsg<PermitGranted>(m => m.RequestId == 1));
        budget.Tell(new RequestPermit("acme", CallPriority.CustomerMessage, CallLane.General, 2));

        // The window reopens on the clock, but the actor's own timer has not fired yet (it is a real minute away).
        time.Advance(TimeSpan.FromMinutes(1));
        budget.Tell(new TryAcquirePermit("acme", CallPriority.Query, CallLane.General, 3));

        Assert.Equal(2, ExpectMsg<PermitGranted>().RequestId);
        var refused = ExpectMsg<PermitRefused>();
        Assert.Equal(3, refused.RequestId);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.RetryAfter);
    }

    [Fact]
    public void A_structured_message_try_respects_the_lane_interval_while_general_tries_still_go()
    {
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 100, StructuredMessageInterval = TimeSpan.FromSeconds(2), SafetyMargin = TimeSpan.Zero });

        budget.Tell(new TryAcquirePermit("acme", CallPriority.Session, CallLane.StructuredMessage, 1));
        Answered(ExpectMsg<PermitGranted>(m => m.RequestId == 1));
        time.Advance(TimeSpan.FromMilliseconds(500));
        budget.Tell(new TryAcquirePermit("acme", CallPriority.Session, CallLane.StructuredMessage, 2));
        var refused = ExpectMsg<PermitRefused>();
        budget.Tell(new TryAcquirePermit("acme", CallPriority.Query, CallLane.General, 3));
        Answered(ExpectMsg<PermitGranted>(m => m.RequestId == 3));

        Assert.Equal(TimeSpan.FromSeconds(1.5), refused.RetryAfter);
        time.Advance(refused.RetryAfter);
        budget.Tell(new TryAcquirePermit("acme", CallPriority.Session, CallLane.StructuredMessage, 4));
        Answered(ExpectMsg<PermitGranted>(m => m.RequestId == 4));
    }

    [Fact]
    public void Tries_of_one_tenant_do_not_use_another_tenants_budget()
    {
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 1, CallsPerMinuteByTenant = { ["big"] = 2 } });

        budget.Tell(new TryAcquirePermit("small", CallPriority.Query, CallLane.General, 1));
        ExpectMsg<PermitGranted>();
        budget.Tell(new TryAcquirePermit("small", CallPriority.Query, CallLane.General, 2));
        ExpectMsg<PermitRefused>();
        budget.Tell(new TryAcquirePermit("big", CallPriority.Query, CallLane.General, 3));
        ExpectMsg<PermitGranted>();
        budget.Tell(new TryAcquirePermit("big", CallPriority.Query, CallLane.General, 4));
        ExpectMsg<PermitGranted>();
    }
}
