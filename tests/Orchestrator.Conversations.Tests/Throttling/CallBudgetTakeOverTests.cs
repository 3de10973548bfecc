using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>
/// A budget that takes over from one whose windows are lost (the singleton's node died), on a fake clock: Udesk's
/// per-minute budget and the structured-message interval hold across the change, and what that costs. Asking again
/// for the same request never takes a second slot.
/// </summary>
public sealed class CallBudgetTakeOverTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static CallBudgetOptions Limits => new() { CallsPerMinute = 5, BudgetWindow = Window, StructuredMessageInterval = Interval, SafetyMargin = Margin };

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Every third request is a structured message; all from one caller, each its own request.</summary>
    private static RequestPermit Request(long id) => new("acme", CallPriority.CustomerMessage, id % 3 == 0 ? CallLane.StructuredMessage : CallLane.General, id);

    /// <summary>
    /// Grants what <paramref name="budget"/> will until the clock reaches <paramref name="until"/>, moving it to each
    /// next check. Granted calls are answered at once, except those granted from <paramref name="holdFrom"/> on:
    /// still in flight when the budget dies.
    /// </summary>
    private List<(RequestPermit Request, PermitGranted Permit, DateTimeOffset At)> Run(CallBudget<long> budget, DateTimeOffset until, DateTimeOffset? holdFrom = null)
    {
        var granted = new List<(RequestPermit, PermitGranted, DateTimeOffset)>();
        while (Now < until)
        {
            var round = budget.Grant(Now);
            foreach (var grant in round.Grants)
            {
                granted.Add((Request(grant.Permit.RequestId), grant.Permit, Now));
            }

            foreach (var (request, permit, _) in granted.Where(g => g.Item3 == Now && !(Now >= holdFrom)))
            {
                budget.Release(new ReleasePermit(request.Tenant, permit.Token), Now);
            }

            if (round.Grants.Count > 0)
            {
                continue;
            }

            time.SetUtcNow(round.NextCheck is { } next && next < until ? next : until);
        }

        return granted;
    }

    private static void Enqueue(CallBudget<long> budget, IEnumerable<long> ids, DateTimeOffset now)
    {
        foreach (var id in ids)
        {
            Assert.Null(budget.Enqueue(Request(id), 1, now));
        }
    }

    [Fact]
    public void Across_a_take_over_no_window_holds_more_calls_than_udesk_allows_and_the_cost_is_one_window()
    {
        // The old budget works through a backlog (a burst of calls each window) and dies in the middle of it, a
        // second after its third burst, whose calls are still in flight.
        var old = new CallBudget<long>(Limits, new Random(1));
        Enqueue(old, Enumerable.Range(1, 40).Select(i => (long)i), Now);
        var thirdBurst = time.Start + (2 * (Window + Margin));
        var dies = thirdBurst + TimeSpan.FromSeconds(1);
        var before = Run(old, dies, holdFrom: thirdBurst);
        var inFlight = before.Where(b => b.At >= thirdBurst).ToList();
        Assert.NotEmpty(inFlight);

        // The new one starts at once (the worst case: no time for detection and hand-over) with what still waits.
        var successor = new CallBudget<long>(Limits, new Random(2));
        successor.TakeOver(Now);
        var remaining = Enumerable.Range(1, 40).Select(i => (long)i).Except(before.Select(b => b.Request.RequestId)).ToList();
        Enqueue(successor, remaining, Now);
        // The calls in flight are answered a little later, to the new budget.
        time.Advance(TimeSpan.FromSeconds(3));
        var answeredAt = Now;
        foreach (var (request, permit, _) in inFlight)
        {
            successor.Release(new ReleasePermit(request.Tenant, permit.Token), Now);
        }

        var after = Run(successor, time.Start + TimeSpan.FromMinutes(20));

        Assert.Equal(40, before.Count + after.Count);
        Assert.Empty(before.Select(b => b.Request.RequestId).Intersect(after.Select(a => a.Request.RequestId)));
        // Udesk counts a call somewhere between grant and answer: those in flight at either end.
        var answered = before.Except(inFlight).Concat(after).ToList();
        foreach (var countedAt in new[] { inFlight.Select(f => f.At).ToList(), inFlight.Select(_ => answeredAt).ToList() })
        {
            WindowAssert.AtMost(5, Window, [.. answered.Select(g => g.At), .. countedAt]);
            WindowAssert.AtMost(1, Interval, [.. answered.Where(g => g.Request.Lane == CallLane.StructuredMessage).Select(g => g.At), .. StructuredOf(inFlight, countedAt)]);
        }

        // The calls in flight filled the window again when they were answered: the wait runs from their answer.
        Assert.Equal(5, inFlight.Count);
        Assert.Equal(answeredAt + Window + Margin, after.Min(a => a.At));
        Assert.Equal(5, after.Count(a => a.At < after.Min(x => x.At) + Window));
    }

    [Fact]
    public void A_take_over_costs_one_window_from_its_start_then_the_full_rate()
    {
        var budget = new CallBudget<long>(Limits, new Random(2));
        var takenOver = Now;
        budget.TakeOver(takenOver);
        Enqueue(budget, Enumerable.Range(1, 12).Select(i => (long)i * 3 - 1), Now);

        var granted = Run(budget, time.Start + TimeSpan.FromMinutes(10));

        // Measured: the first call one window (and its margin) after the take-over, then five per window as before.
        Assert.Equal(
            Enumerable.Range(0, 12).Select(i => takenOver + ((Window + Margin) * (1 + (i / 5)))),
            granted.Select(g => g.At));
    }

    private static IEnumerable<DateTimeOffset> StructuredOf(List<(RequestPermit Request, PermitGranted Permit, DateTimeOffset At)> calls, List<DateTimeOffset> countedAt) =>
        calls.Zip(countedAt, (call, at) => (call.Request.Lane, At: at)).Where(c => c.Lane == CallLane.StructuredMessage).Select(c => c.At);

    [Fact]
    public void A_new_budget_that_did_not_take_over_would_let_through_twice_the_budget_in_a_window()
    {
        var old = new CallBudget<long>(Limits, new Random(1));
        Enqueue(old, Enumerable.Range(1, 10).Select(i => (long)i), Now);
        var before = Run(old, time.Start + TimeSpan.FromSeconds(1));

        var fresh = new CallBudget<long>(Limits, new Random(2));
        Enqueue(fresh, Enumerable.Range(11, 10).Select(i => (long)i), Now);
        var after = Run(fresh, time.Start + TimeSpan.FromSeconds(2));

        // What the take-over prevents: ten calls within one second.
        Assert.Equal(10, before.Count + after.Count);
        Assert.Throws<Xunit.Sdk.TrueException>(() => WindowAssert.AtMost(5, Window, [.. before.Select(b => b.At), .. after.Select(a => a.At)]));
    }

    [Fact]
    public void A_call_granted_before_the_take_over_and_answered_after_its_window_counts_from_its_answer()
    {
        var budget = new CallBudget<long>(Limits, new Random(2));
        budget.TakeOver(Now);
        time.Advance(Window + Margin);

        // A token the old budget handed out: the call was slow and is answered only now.
        budget.Release(new ReleasePermit("acme", -42), Now);
        Enqueue(budget, [1, 2, 4, 5, 7, 8], Now);

        Assert.Equal([1L, 2, 4, 5], budget.Grant(Now).Grants.Select(g => g.Permit.RequestId));
    }

    [Fact]
    public void A_request_asked_again_is_queued_once_and_a_granted_one_gets_the_same_permit()
    {
        var budget = new CallBudget<long>(new CallBudgetOptions { CallsPerMinute = 2, SafetyMargin = Margin }, new Random(3));
        var asked = Request(1);
        Assert.Null(budget.Enqueue(asked, 7, Now));
        var granted = Assert.Single(budget.Grant(Now).Grants).Permit;
        Assert.Null(budget.Enqueue(Request(2), 7, Now));
        Assert.Null(budget.Enqueue(Request(2), 7, Now));

        // Granted already: the same permit again, and no second slot (request 2 takes the other one, once).
        Assert.Equal(granted, budget.Enqueue(asked, 7, Now));
        var round = budget.Grant(Now);
        Assert.Equal(2, Assert.Single(round.Grants).Permit.RequestId);
        Assert.Null(round.NextCheck);
        // The same request id from another caller is another request.
        Assert.Null(budget.Enqueue(asked, 8, Now));
        Assert.Empty(budget.Grant(Now).Grants);
    }
}
