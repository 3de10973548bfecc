using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.TestKit;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Tests.Support;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk.Sessions;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Actors;

/// <summary>
/// Sharding's hand-off stop with a session request in flight at the simulator: the call is let finish and its outcome
/// persisted, or, past the drain deadline, left for the next incarnation to reconcile with Udesk. Either way Udesk
/// creates the session once. Akka's clock is a <see cref="TestScheduler"/> and the simulator's a fake one: the
/// deadline passes and the held answer comes when the test says.
/// </summary>
public sealed class HandOffTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(4);

    private static readonly Config Controlled = ConfigurationFactory
        .ParseString("""akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """)
        .WithFallback(ConversationFixture.InMemoryPersistence);

    private readonly ConversationId id = new(ConversationId.DefaultTenant, $"hand-off-{Guid.NewGuid():N}");
    private readonly ConversationSettings settings = new() { HandOffDrainTimeout = DrainTimeout };
    private readonly CallBudgetOptions limits = new() { CallsPerMinute = 10_000 };
    private SimulatedUdesk udesk = null!;
    private IActorRef budget = null!;
    private int incarnations;

    public HandOffTests()
        : base(Controlled)
    {
    }

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    public async Task InitializeAsync()
    {
        udesk = await SimulatedUdesk.StartAsync();
        budget = Sys.ActorOf(CallBudgetActor.Props(limits, TimeProvider.System));
    }

    public async Task DisposeAsync() => await udesk.DisposeAsync();

    private IActorRef Incarnation() =>
        Watch(Sys.ActorOf(ConversationActor.Props(id, new ConversationRuntime(udesk.Clients, budget, ActorRefs.Nobody, settings, limits, TimeProvider.System)), $"conversation-{++incarnations}"));

    private ConversationState StateOf(IActorRef conversation) => conversation.Ask<State>(new GetState(id)).Result.Conversation;

    /// <summary>A session request accepted and handled by Udesk, whose answer is held in flight.</summary>
    private IActorRef RequestHeldInFlight(AssignType assignType)
    {
        udesk.HoldAnswers();
        var conversation = Incarnation();
        conversation.Tell(new RequestSession(id, new SessionRequest { AssignType = assignType }));
        ExpectMsg<Accepted>();
        AwaitCondition(() => udesk.SessionsCreatedFor(id.CustomerToken) == 1, TimeSpan.FromSeconds(30));
        return conversation;
    }

    [Fact]
    public void The_call_in_flight_finishes_its_outcome_is_persisted_and_the_next_owner_does_not_send_it_again()
    {
        var conversation = RequestHeldInFlight(AssignType.Agent);

        conversation.Tell(StopForHandOff.Instance);
        udesk.ReleaseAnswers();

        ExpectTerminated(conversation, TimeSpan.FromSeconds(30));
        var recovered = StateOf(Incarnation());
        Assert.Equal(ConversationStatus.Agent, recovered.Status);
        Assert.Empty(recovered.Outbox);
        var call = Assert.Single(udesk.CallsTo("im/sessions", "POST"));
        Assert.Equal("handled", call.Outcome);
        Assert.Equal(1, udesk.SessionsCreatedFor(id.CustomerToken));
    }

    [Theory]
    [InlineData(AssignType.Agent)]
    [InlineData(AssignType.Robot)]
    public void Past_the_drain_deadline_nothing_is_persisted_and_the_next_owner_reconciles_instead_of_sending_again(AssignType assignType)
    {
        var region = CreateTestProbe();
        ActorRegistry.For(Sys).Register<ConversationRegion>(region.Ref);
        var conversation = RequestHeldInFlight(assignType);

        conversation.Tell(StopForHandOff.Instance);
        // A command reaching it while it drains goes to the region, which buffers it for the new owner.
        conversation.Tell(new GetState(id), TestActor);
        region.ExpectMsg<GetState>(TimeSpan.FromSeconds(30));
        Assert.Equal(TestActor, region.LastSender);
        Scheduler.Advance(DrainTimeout);

        ExpectTerminated(conversation, TimeSpan.FromSeconds(30));
        AwaitCondition(() => udesk.CallsTo("im/sessions", "POST").Any(), TimeSpan.FromSeconds(30));
        Assert.Equal("caller_gave_up", Assert.Single(udesk.CallsTo("im/sessions", "POST")).Outcome);
        udesk.ReleaseAnswers();

        var next = Incarnation();
        AwaitCondition(() => StateOf(next).Outbox.IsEmpty, TimeSpan.FromSeconds(30));
        Assert.Single(udesk.CallsTo("im/sessions", "POST"));
        Assert.Equal(1, udesk.SessionsCreatedFor(id.CustomerToken));
        var state = StateOf(next);
        if (assignType == AssignType.Agent)
        {
            // queue_status told where the request got: the customer is being assigned, the start_session push follows.
            Assert.Single(udesk.CallsTo("im/queue_status", "GET"));
            Assert.Equal(ConversationStatus.Queued, state.Status);
        }
        else
        {
            Assert.Equal(ConversationStatus.Robot, state.Status);
        }
    }

    [Fact]
    public void With_nothing_in_flight_it_stops_at_once()
    {
        var conversation = Incarnation();
        conversation.Tell(new GetState(id));
        ExpectMsg<State>();

        conversation.Tell(StopForHandOff.Instance);

        ExpectTerminated(conversation, TimeSpan.FromSeconds(30));
    }
}
