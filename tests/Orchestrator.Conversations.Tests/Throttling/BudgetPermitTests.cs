using Akka.Actor;
using Akka.TestKit;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>
/// A caller's side of the budget, with a probe as the budget: it asks again when no answer comes, uses exactly one
/// grant per request and gives back any other. The time-out runs on the actor's timers; nothing waits for an interval to pass.
/// </summary>
public sealed class BudgetPermitTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly CallBudgetOptions Limits = new() { PermitRequestTimeout = TimeSpan.FromMilliseconds(200) };
    private readonly TestProbe budget;
    private readonly IActorRef holder;

    public BudgetPermitTests()
    {
        budget = CreateTestProbe();
        holder = Sys.ActorOf(Props.Create(() => new PermitHolder(budget.Ref, TestActor)));
    }

    [Fact]
    public void A_request_left_unanswered_is_asked_again_as_the_same_request_until_a_grant_comes()
    {
        holder.Tell(CallPriority.CustomerMessage);
        var first = budget.ExpectMsg<RequestPermit>();

        // Each time-out repeats the very same request, so the budget can tell it is not a new one.
        Assert.Equal(first, budget.ExpectMsg<RequestPermit>());
        Assert.Equal(first, budget.ExpectMsg<RequestPermit>());
        holder.Tell(new PermitGranted(first.RequestId, 11));

        Assert.Equal(11, ExpectMsg<Used>().Token);
    }

    [Fact]
    public void Only_the_first_grant_of_the_waiting_request_is_used_and_any_other_is_given_back()
    {
        holder.Tell(CallPriority.CustomerMessage);
        var asked = budget.ExpectMsg<RequestPermit>();
        holder.Tell(new PermitGranted(asked.RequestId - 1, 5));
        Assert.Equal(new ReleasePermit(asked.Tenant, 5), budget.FishForMessage<ReleasePermit>(_ => true));

        holder.Tell(new PermitGranted(asked.RequestId, 11));
        Assert.Equal(11, ExpectMsg<Used>().Token);
        // The same grant again (the budget answered a repeated request): already held, nothing to give back.
        holder.Tell(new PermitGranted(asked.RequestId, 11));
        // Another grant of the same request (a budget that has since moved answered late): given back, not used.
        holder.Tell(new PermitGranted(asked.RequestId, 99));

        Assert.Equal(new ReleasePermit(asked.Tenant, 99), budget.FishForMessage<ReleasePermit>(_ => true));
        holder.Tell(Done.Instance);
        Assert.Equal(new ReleasePermit(asked.Tenant, 11), budget.FishForMessage<ReleasePermit>(_ => true));
        // Everything the holder sent before that release is in the mailbox already: no second grant was used.
        Assert.False(HasMessages);
    }

    /// <summary>The actor side of <see cref="BudgetPermit"/>, as the gateway wires it: reports each grant it uses.</summary>
    private sealed class PermitHolder : ReceiveActor, IWithTimers
    {
        public PermitHolder(IActorRef budget, IActorRef report)
        {
            var permit = new BudgetPermit(budget, "acme", Self, Timers, Limits, TimeProvider.System);
            Receive<CallPriority>(priority => permit.Request(priority));
            Receive<PermitGranted>(granted =>
            {
                if (permit.Take(granted))
                {
                    report.Tell(new Used(granted.Token));
                }
            });
            Receive<BudgetPermit.Overdue>(_ => permit.AskAgain());
            Receive<Done>(_ => permit.Return());
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private sealed record Used(long Token);

    private sealed class Done
    {
        public static readonly Done Instance = new();
    }
}
