using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>
/// The budget's rules on a fake clock: each call is answered the instant it is granted unless a test says otherwise,
/// and time moves only to when the budget says to look again, so every interval is exact.
/// </summary>
public sealed class CallBudgetTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => time.GetUtcNow();

    private static CallBudget<RequestPermit> Budget(CallBudgetOptions limits) => new(limits, new Random(7));

    private static RequestPermit Request(long id, CallPriority priority = CallPriority.Query, CallLane lane = CallLane.General, string tenant = "acme") =>
        new(tenant, priority, lane, id);

    /// <summary>Grants until nothing waits, releasing each grant at once and moving the clock to each next check.</summary>
    private List<(long RequestId, DateTimeOffset At)> Drain(CallBudget<RequestPermit> budget, params RequestPermit[] requests)
    {
        foreach (var request in requests)
        {
            budget.Enqueue(request, request, Now);
        }

        var granted = new List<(long, DateTimeOffset)>();
        for (var rounds = 0; rounds < 10_000; rounds++)
        {
            var round = budget.Grant(Now);
            foreach (var grant in round.Grants)
            {
                granted.Add((grant.Caller.RequestId, Now));
                budget.Release(new ReleasePermit(grant.Caller.Tenant, grant.Permit.Token), Now);
            }

            if (round.Grants.Count > 0)
            {
                // Released: look again at the same instant, so the next check counts the released windows.
                continue;
            }

            if (round.NextCheck is not { } next)
            {
                return granted;
            }

            Assert.True(next > Now, $"the next check {next:O} is not after {Now:O}");
            time.SetUtcNow(next);
        }

        Assert.Fail("the budget never drained");
        return granted;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void The_company_budget_is_never_exceeded_in_any_window(int marginMs)
    {
        var margin = TimeSpan.FromMilliseconds(marginMs);
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 5, BudgetWindow = TimeSpan.FromSeconds(1), SafetyMargin = margin });

        var granted = Drain(budget, [.. Enumerable.Range(1, 20).Select(i => Request(i, CallPriority.CustomerMessage))]);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), granted.Select(g => g.RequestId));
        var times = granted.Select(g => g.At).ToList();
        WindowAssert.AtMost(5, TimeSpan.FromSeconds(1) + margin, times);
        // Five at once, then five each time the window has passed: no later than the window allows either.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => time.Start + ((TimeSpan.FromSeconds(1) + margin) * (i / 5))), times);
    }

    [Fact]
    public void Tenants_have_separate_budgets()
    {
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 2, CallsPerMinuteByTenant = { ["big"] = 3 } });
        foreach (var (tenant, id) in new[] { ("small", 1L), ("small", 2L), ("small", 3L), ("big", 4L), ("big", 5L), ("big", 6L), ("big", 7L) })
        {
            budget.Enqueue(Request(id, tenant: tenant), Request(id, tenant: tenant), Now);
        }

        var round = budget.Grant(Now);

        Assert.Equal([1L, 2, 4, 5, 6], round.Grants.Select(g => g.Permit.RequestId).Order());
        Assert.NotNull(round.NextCheck);
    }

    [Fact]
    public void Waiting_customer_messages_go_before_waiting_queries_one_window_apart()
    {
        var window = TimeSpan.FromSeconds(1);
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 1, BudgetWindow = window, SafetyMargin = TimeSpan.Zero });
        Assert.Equal([(0L, time.Start)], Drain(budget, Request(0)));

        var granted = Drain(budget, Request(1, CallPriority.Query), Request(2, CallPriority.Preview), Request(3, CallPriority.CustomerMessage));

        Assert.Equal([(3L, time.Start + window), (2L, time.Start + (2 * window)), (1L, time.Start + (3 * window))], granted);
    }

    [Fact]
    public void Structured_messages_are_spaced_by_their_interval_and_do_not_hold_up_other_calls()
    {
        var interval = TimeSpan.FromSeconds(1);
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 1000, StructuredMessageInterval = interval, SafetyMargin = TimeSpan.Zero });

        var granted = Drain(budget, [.. Enumerable.Range(1, 4).Select(i => Request(i, CallPriority.Session, CallLane.StructuredMessage)), Request(99)]);

        Assert.Contains((99L, time.Start), granted);
        Assert.Equal(
            Enumerable.Range(0, 4).Select(i => ((long)i + 1, time.Start + (interval * i))),
            granted.Where(g => g.RequestId != 99));
    }

    [Fact]
    public void A_granted_call_holds_its_slot_until_released_and_its_window_runs_from_the_release()
    {
        var window = TimeSpan.FromMilliseconds(300);
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 1, BudgetWindow = window, SafetyMargin = TimeSpan.Zero });
        budget.Enqueue(Request(1), Request(1), Now);
        var first = Assert.Single(budget.Grant(Now).Grants).Permit;
        budget.Enqueue(Request(2), Request(2), Now);

        // Still in flight, as a slow Udesk answer would be, long after the window alone would have reopened.
        time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Empty(budget.Grant(Now).Grants);
        var released = Now;
        budget.Release(new ReleasePermit("acme", first.Token), released);

        var round = budget.Grant(Now);
        Assert.Empty(round.Grants);
        Assert.Equal(released + window, round.NextCheck);
        time.Advance(window - TimeSpan.FromTicks(1));
        Assert.Empty(budget.Grant(Now).Grants);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(2, Assert.Single(budget.Grant(Now).Grants).Permit.RequestId);
    }

    [Fact]
    public void A_slot_nobody_releases_lapses_after_the_longest_call()
    {
        var limits = new CallBudgetOptions { CallsPerMinute = 1, BudgetWindow = TimeSpan.FromMilliseconds(100), SafetyMargin = TimeSpan.Zero, MaxCallDuration = TimeSpan.FromSeconds(1) };
        var budget = Budget(limits);
        budget.Enqueue(Request(1), Request(1), Now);
        Assert.Single(budget.Grant(Now).Grants);
        budget.Enqueue(Request(2), Request(2), Now);

        var round = budget.Grant(Now);

        Assert.Empty(round.Grants);
        Assert.Equal(time.Start + limits.BudgetWindow + limits.MaxCallDuration, round.NextCheck);
        time.SetUtcNow(round.NextCheck!.Value - TimeSpan.FromTicks(1));
        Assert.Empty(budget.Grant(Now).Grants);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(2, Assert.Single(budget.Grant(Now).Grants).Permit.RequestId);
    }

    [Fact]
    public void A_call_whose_node_died_in_flight_holds_only_its_own_slot_while_the_others_reopen_with_their_windows()
    {
        var limits = new CallBudgetOptions { CallsPerMinute = 3, BudgetWindow = TimeSpan.FromSeconds(10), SafetyMargin = TimeSpan.Zero, MaxCallDuration = TimeSpan.FromMinutes(1) };
        var budget = Budget(limits);
        budget.Enqueue(Request(1), Request(1), Now);
        Assert.Single(budget.Grant(Now).Grants); // its node dies before the answer: never released
        Assert.Equal([2L, 3L], Drain(budget, Request(2), Request(3)).Select(g => g.RequestId));

        var granted = Drain(budget, Request(4), Request(5), Request(6));

        // Two slots reopen one window after the answered calls, and again a window later: the lost hold costs only its own.
        Assert.Equal(
            [(4L, time.Start + limits.BudgetWindow), (5L, time.Start + limits.BudgetWindow), (6L, time.Start + (2 * limits.BudgetWindow))],
            granted);
    }

    [Fact]
    public void A_caller_that_is_gone_is_owed_nothing_and_what_it_held_counts_from_then()
    {
        var limits = new CallBudgetOptions { CallsPerMinute = 1, BudgetWindow = TimeSpan.FromSeconds(10), SafetyMargin = TimeSpan.Zero, MaxCallDuration = TimeSpan.FromHours(1) };
        var budget = Budget(limits);
        var (gone, other) = (Request(1), Request(2));
        budget.Enqueue(gone, gone, Now);
        Assert.Single(budget.Grant(Now).Grants);
        budget.Enqueue(Request(3), gone, Now);
        budget.Enqueue(other, other, Now);
        Assert.True(budget.Owes(gone));

        time.Advance(TimeSpan.FromSeconds(4));
        budget.Forget(gone, Now);

        Assert.False(budget.Owes(gone));
        Assert.Equal(1, budget.ReadingAt("acme", Now).Waiting);
        var round = budget.Grant(Now);
        Assert.Empty(round.Grants);
        Assert.Equal(Now + limits.BudgetWindow, round.NextCheck);
        time.SetUtcNow(round.NextCheck!.Value);
        Assert.Equal(other, Assert.Single(budget.Grant(Now).Grants).Caller);
    }

    [Fact]
    public void A_release_with_a_token_this_budget_never_granted_frees_nothing()
    {
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 1, SafetyMargin = TimeSpan.Zero });
        budget.Enqueue(Request(1), Request(1), Now);
        var granted = Assert.Single(budget.Grant(Now).Grants).Permit;
        budget.Enqueue(Request(2), Request(2), Now);

        budget.Release(new ReleasePermit("acme", granted.Token + 1), Now);
        budget.Release(new ReleasePermit("other", granted.Token), Now);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(budget.Grant(Now).Grants);
    }

    [Fact]
    public void A_try_is_refused_while_a_request_as_urgent_waits_and_granted_for_a_less_urgent_lane_free()
    {
        var budget = Budget(new CallBudgetOptions { CallsPerMinute = 10, StructuredMessageInterval = TimeSpan.FromSeconds(2), SafetyMargin = TimeSpan.Zero });
        budget.Enqueue(Request(1, CallPriority.Session, CallLane.StructuredMessage), Request(1), Now);
        Assert.Single(budget.Grant(Now).Grants);
        budget.Enqueue(Request(2, CallPriority.Session, CallLane.StructuredMessage), Request(2), Now);
        Assert.Empty(budget.Grant(Now).Grants);

        // The waiting structured message holds up tries of its lane at its priority or less urgent, not general calls.
        var refused = Assert.IsType<PermitRefused>(budget.TryAcquire(new TryAcquirePermit("acme", CallPriority.Query, CallLane.StructuredMessage, 3), Now));
        Assert.IsType<PermitGranted>(budget.TryAcquire(new TryAcquirePermit("acme", CallPriority.Query, CallLane.General, 4), Now));

        Assert.Equal(TimeSpan.FromSeconds(2), refused.RetryAfter);
    }
}
