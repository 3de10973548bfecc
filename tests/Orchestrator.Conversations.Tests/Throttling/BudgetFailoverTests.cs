using Akka.Actor;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Tests.Support;
using Orchestrator.Conversations.Throttling;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>
/// The budget singleton moves while a conversation waits for a permit: its budget actor stops with the request in
/// its queue and another starts, reached through the same proxy. The conversation's gateway gets its permit from the
/// new one, which takes over conservatively, and the call goes to Udesk once. The budgets' windows run on a fake
/// clock; the gateway's time-out on its own timers.
/// </summary>
public sealed class BudgetFailoverTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly ConversationId Id = new("default", "budget-failover");
    private static readonly CallBudgetOptions Limits = new()
    {
        CallsPerMinute = 1,
        SafetyMargin = TimeSpan.Zero,
        PermitRequestTimeout = TimeSpan.FromMilliseconds(200),
    };

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ConversationFixture fixture;
    private readonly IActorRef proxy;

    public BudgetFailoverTests()
        : base(ConversationFixture.InMemoryPersistence)
    {
        fixture = new ConversationFixture(limits: Limits);
        proxy = Sys.ActorOf(Props.Create(() => new MovingBudget()));
    }

    private Seen Traffic() => proxy.Ask<Seen>(Seen.Query, RemainingOrDefault).Result;

    [Fact]
    public void A_gateway_waiting_when_the_budget_moves_gets_its_permit_from_the_next_one_and_calls_once()
    {
        var first = Sys.ActorOf(CallBudgetActor.Props(Limits, time));
        proxy.Tell(first);
        // The only slot of the minute is taken: the conversation's call waits in the first budget's queue.
        first.Tell(new TryAcquirePermit(Id.Tenant, CallPriority.Query, CallLane.General, 1));
        ExpectMsg<PermitGranted>();
        var conversation = Sys.ActorOf(ConversationActor.Props(Id, fixture.Runtime(proxy)));
        conversation.Tell(new RequestSession(Id, new SessionRequest()));
        ExpectMsg<Accepted>();
        AwaitCondition(() => Traffic().Requests.Count >= 1, TimeSpan.FromSeconds(15));

        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        var next = Sys.ActorOf(CallBudgetActor.Props(Limits, time, followsAnother: () => true));
        proxy.Tell(next);
        var askedBeforeMove = Traffic().Requests.Count;

        // The gateway asks the new budget again and again; it takes over with its window full, so nothing yet.
        AwaitCondition(() => Traffic().Requests.Count >= askedBeforeMove + 3, TimeSpan.FromSeconds(15));
        Assert.Empty(fixture.Udesk.Bodies("/im/sessions"));
        time.Advance(Limits.BudgetWindow);

        AwaitCondition(() => conversation.Ask<State>(new GetState(Id), RemainingOrDefault).Result.Conversation.Status == ConversationStatus.Robot, TimeSpan.FromSeconds(15));
        Assert.Single(fixture.Udesk.Bodies("/im/sessions"));
        var traffic = Traffic();
        // One request, asked again, never a new one; one grant used and given back (a late repeat of it may follow).
        Assert.Single(traffic.Requests.Select(r => r.RequestId).Distinct());
        Assert.Single(traffic.Releases.Select(r => r.Token).Distinct());
    }

    /// <summary>Stands in for the singleton proxy: forwards to the budget of the moment and notes what passed.</summary>
    private sealed class MovingBudget : ReceiveActor
    {
        public MovingBudget()
        {
            IActorRef budget = ActorRefs.Nobody;
            var requests = new List<RequestPermit>();
            var releases = new List<ReleasePermit>();
            Receive<IActorRef>(next => budget = next);
            Receive<Seen>(_ => Sender.Tell(new Seen([.. requests], [.. releases])));
            Receive<RequestPermit>(request =>
            {
                requests.Add(request);
                budget.Forward(request);
            });
            Receive<ReleasePermit>(release =>
            {
                releases.Add(release);
                budget.Forward(release);
            });
            ReceiveAny(message => budget.Forward(message));
        }
    }

    private sealed record Seen(IReadOnlyList<RequestPermit> Requests, IReadOnlyList<ReleasePermit> Releases)
    {
        public static readonly Seen Query = new([], []);
    }

    protected override void Dispose(bool disposing)
    {
        fixture.Dispose();
        base.Dispose(disposing);
    }
}
