using Akka.Actor;
using Akka.TestKit;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Tests.Support;
using Orchestrator.Conversations.Throttling;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Actors;

/// <summary>
/// The outbox sweeper's wake-up reaches a running conversation whose head call is stuck: here its permit request
/// was lost (a probe stands in for the budget and drops it, and the gateway's own time-out is far away). Before the
/// wake moved the head again, such a conversation answered the sweeper's <c>GetState</c> and stayed stuck.
/// </summary>
public sealed class OutboxWakeTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly ConversationId Id = new("default", "woken");
    private readonly ConversationFixture fixture = new(limits: new CallBudgetOptions { CallsPerMinute = 100_000, PermitRequestTimeout = TimeSpan.FromMinutes(10) });
    private readonly TestProbe budget;

    public OutboxWakeTests()
        : base(ConversationFixture.InMemoryPersistence) => budget = CreateTestProbe();

    private ConversationState StateOf(IActorRef conversation) => conversation.Ask<State>(new GetState(Id), RemainingOrDefault).Result.Conversation;

    /// <summary>A conversation whose session request waits for a permit: answers the request the budget got.</summary>
    private (IActorRef Conversation, RequestPermit Asked) WaitingForPermit()
    {
        var conversation = Sys.ActorOf(ConversationActor.Props(Id, fixture.Runtime(budget.Ref)));
        conversation.Tell(new RequestSession(Id, new SessionRequest()));
        ExpectMsg<Accepted>();
        return (conversation, budget.ExpectMsg<RequestPermit>());
    }

    [Fact]
    public void A_wake_makes_a_gateway_whose_permit_never_came_ask_again_and_the_call_goes_once()
    {
        var (conversation, lost) = WaitingForPermit();

        conversation.Tell(new WakeOutbox(Id));

        Assert.Equal(lost, budget.ExpectMsg<RequestPermit>());
        budget.LastSender.Tell(new PermitGranted(lost.RequestId, 7));
        Assert.Equal(7, budget.ExpectMsg<ReleasePermit>().Token);
        AwaitCondition(() => StateOf(conversation).Status == ConversationStatus.Robot, TimeSpan.FromSeconds(15));
        Assert.Single(fixture.Udesk.Bodies("/im/sessions"));
    }

    [Fact]
    public void A_wake_while_the_call_is_made_does_not_make_it_twice()
    {
        var (conversation, asked) = WaitingForPermit();
        budget.LastSender.Tell(new PermitGranted(asked.RequestId, 7));

        // Woken while the call is in flight or just answered: the gateway keeps it, or tells its answer again.
        conversation.Tell(new WakeOutbox(Id));
        conversation.Tell(new WakeOutbox(Id));

        AwaitCondition(() => StateOf(conversation) is { Status: ConversationStatus.Robot, Outbox.IsEmpty: true }, TimeSpan.FromSeconds(15));
        conversation.Tell(new WakeOutbox(Id));
        // Answered after the wake: whatever it did is done.
        Assert.True(StateOf(conversation).Outbox.IsEmpty);
        Assert.Single(fixture.Udesk.Bodies("/im/sessions"));
    }

    protected override void Dispose(bool disposing)
    {
        fixture.Dispose();
        base.Dispose(disposing);
    }
}
