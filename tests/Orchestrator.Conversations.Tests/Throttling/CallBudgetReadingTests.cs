using Akka.Actor;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>What the operations console's gauges read: calls counted in the window, requests waiting, the structured lane.</summary>
public sealed class CallBudgetReadingTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly CallBudgetOptions Limits = new()
    {
        CallsPerMinute = 2, BudgetWindow = TimeSpan.FromMinutes(1), SafetyMargin = TimeSpan.Zero, StructuredMessageInterval = TimeSpan.FromSeconds(2),
    };

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_tenant_never_asked_for_reads_empty_with_its_limit()
    {
        var budget = new CallBudget<string>(Limits, new Random(7));

        Assert.Equal(
            new TenantBudgetReading("acme", 0, 2, TimeSpan.FromMinutes(1), 0, TimeSpan.Zero, TimeSpan.FromSeconds(2)),
            budget.ReadingAt("acme", time.GetUtcNow()));
    }

    [Fact]
    public void Held_and_released_calls_count_until_their_window_ends_and_a_structured_message_closes_its_lane()
    {
        var budget = new CallBudget<string>(Limits, new Random(7));
        var structured = Assert.IsType<PermitGranted>(budget.TryAcquire(new TryAcquirePermit("acme", CallPriority.Query, CallLane.StructuredMessage, 1), time.GetUtcNow()));
        Assert.IsType<PermitGranted>(budget.TryAcquire(new TryAcquirePermit("acme", CallPriority.Query, CallLane.General, 2), time.GetUtcNow()));
        budget.Enqueue(new RequestPermit("acme", CallPriority.Query, CallLane.General, 3), "waiter", time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(1));
        budget.Release(new ReleasePermit("acme", structured.Token), time.GetUtcNow());

        var full = budget.ReadingAt("acme", time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(2));
        var laneFree = budget.ReadingAt("acme", time.GetUtcNow());

        Assert.Equal((2, 1, TimeSpan.FromSeconds(2)), (full.CallsInWindow, full.Waiting, full.StructuredLaneFreeIn));
        Assert.Equal((2, TimeSpan.Zero), (laneFree.CallsInWindow, laneFree.StructuredLaneFreeIn));
        Assert.Equal(0, budget.ReadingAt("other", time.GetUtcNow()).CallsInWindow);
    }

    [Fact]
    public void The_actor_answers_a_reading_of_the_tenant_asked_about()
    {
        var budget = Sys.ActorOf(CallBudgetActor.Props(Limits, time));
        budget.Tell(new RequestPermit("acme", CallPriority.Query, CallLane.General, 1));
        ExpectMsg<PermitGranted>();

        budget.Tell(new ReadCallBudget("acme"));

        var reading = ExpectMsg<TenantBudgetReading>();
        Assert.Equal(("acme", 1, 2, 0), (reading.Tenant, reading.CallsInWindow, reading.CallsPerWindow, reading.Waiting));
    }
}
