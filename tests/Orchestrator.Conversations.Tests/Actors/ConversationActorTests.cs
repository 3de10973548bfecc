using Orchestrator.Conversations.Tests.Domain;
using Orchestrator.Udesk.Sessions;
using System.Text.Json;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Tests.Support;
using Orchestrator.Conversations.Throttling;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Actors;

public sealed class ConversationActorTests : Akka.TestKit.Xunit2.TestKit, IDisposable
{
    private static readonly ConversationId Id = new("default", "customer-1");
    private readonly ConversationFixture fixture;
    private readonly IActorRef budget;

    public ConversationActorTests()
        : base(ConversationFixture.InMemoryPersistence)
    {
        fixture = new ConversationFixture(new ConversationSettings
        {
            RetryMinBackoff = TimeSpan.FromMilliseconds(20),
            RetryMaxBackoff = TimeSpan.FromMilliseconds(200),
            SnapshotEvery = 5,
        });
        budget = Sys.ActorOf(CallBudgetActor.Props(fixture.Limits, TimeProvider.System));
    }

    private IActorRef Conversation(string name = "c") => Sys.ActorOf(ConversationActor.Props(Id, fixture.Runtime(budget)), name);

    private ConversationState StateOf(IActorRef conversation) => conversation.Ask<State>(new GetState(Id), RemainingOrDefault).Result.Conversation;

    private void AwaitState(IActorRef conversation, Func<ConversationState, bool> condition) =>
        AwaitCondition(() => condition(StateOf(conversation)), TimeSpan.FromSeconds(10));

    [Fact]
    public void A_session_request_is_accepted_then_follows_udesks_answer()
    {
        fixture.Udesk.AnswerSessions("""{"code":2001,"message":"busy","assign_type":"agent","assign_info":{"count":2,"queue":"q:1"}}""");
        var conversation = Conversation();

        conversation.Tell(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));

        Assert.Equal(new Accepted(1), ExpectMsg<Accepted>());
        AwaitState(conversation, s => s.Status == ConversationStatus.Queued);
        Assert.Equal(new QueueInfo("q:1", 2), StateOf(conversation).Queue);
        Assert.Equal("agent", fixture.Udesk.Bodies("/im/sessions").Single()!["assign_type"]!.GetValue<string>());
    }

    [Fact]
    public void While_udesk_is_down_messages_wait_and_then_arrive_all_in_order()
    {
        var conversation = Conversation();
        conversation.Tell(new RequestSession(Id, new SessionRequest()));
        ExpectMsg<Accepted>();
        AwaitState(conversation, s => s.Status == ConversationStatus.Robot);
        fixture.Udesk.Down = true;

        foreach (var i in Enumerable.Range(1, 8))
        {
            conversation.Tell(new SendMessage(Id, $"m{i}", "message", new MessagePayload { Content = $"text {i}" }));
            ExpectMsg<Accepted>();
        }

        AwaitCondition(() => fixture.Udesk.Refused503 >= 3, TimeSpan.FromSeconds(10));
        Assert.Equal(8, StateOf(conversation).Outbox.Count);
        fixture.Udesk.Down = false;

        AwaitState(conversation, s => s.Outbox.IsEmpty);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"m{i}"), fixture.Udesk.Bodies("/im/messages").Select(b => b!["message_id"]!.GetValue<string>()));
        Assert.All(fixture.Udesk.Bodies("/im/messages"), b => Assert.Equal(0, b!["im_sub_session_id"]!.GetValue<int>()));
    }

    [Fact]
    public void The_udesk_gateway_is_stopped_once_the_outbox_is_empty_and_started_again_for_the_next_call()
    {
        var conversation = Conversation();
        var gateways = Sys.ActorSelection(conversation.Path / "udesk-gateway-*");
        conversation.Tell(new RequestSession(Id, new SessionRequest()));
        ExpectMsg<Accepted>();
        AwaitState(conversation, s => s.Status == ConversationStatus.Robot && s.Outbox.IsEmpty);
        AwaitCondition(() => !HasAny(gateways), TimeSpan.FromSeconds(10));

        conversation.Tell(new SendMessage(Id, "m1", "message", new MessagePayload { Content = "after the gateway stopped" }));
        ExpectMsg<Accepted>();

        AwaitState(conversation, s => s.Outbox.IsEmpty);
        Assert.Equal("m1", fixture.Udesk.Bodies("/im/messages").Single()!["message_id"]!.GetValue<string>());
        AwaitCondition(() => !HasAny(gateways), TimeSpan.FromSeconds(10));
    }

    private bool HasAny(ActorSelection selection)
    {
        selection.Tell(new Identify(null), TestActor);
        return ExpectMsg<ActorIdentity>().Subject is not null;
    }

    [Fact]
    public void A_repeated_message_id_is_answered_with_the_original_sequence_number()
    {
        var conversation = Conversation();
        conversation.Tell(new RequestSession(Id, new SessionRequest()));
        ExpectMsg<Accepted>();
        AwaitState(conversation, s => s.Status == ConversationStatus.Robot);

        conversation.Tell(new SendMessage(Id, "dup", "message", new MessagePayload { Content = "a" }));
        var first = ExpectMsg<Accepted>();
        conversation.Tell(new SendMessage(Id, "dup", "message", new MessagePayload { Content = "a" }));

        Assert.Equal(new AlreadyAccepted(first.Seq), ExpectMsg<AlreadyAccepted>());
        AwaitState(conversation, s => s.Outbox.IsEmpty);
        Assert.Single(fixture.Udesk.Bodies("/im/messages"));
    }

    [Fact]
    public void A_duplicate_push_batch_is_acknowledged_and_dropped_leaving_only_a_trace()
    {
        var conversation = Conversation();
        var batch = new[]
        {
            JsonSerializer.SerializeToElement(new { type = "start_session", message_id = "s1", agent_id = 1, im_sub_session_id = 3, data = new { content = "started" } }),
            JsonSerializer.SerializeToElement(new { type = "message", message_id = "w1", agent_id = 1, im_sub_session_id = 3, data = new { content = "welcome" } }),
        };

        conversation.Tell(Pushes.Batch(Id, "agent", batch));
        var first = ExpectMsg<Accepted>();
        var before = StateOf(conversation);
        conversation.Tell(Pushes.Batch(Id, "agent", batch));

        Assert.Equal(new Accepted(first.Seq + 2), ExpectMsg<Accepted>());
        var after = StateOf(conversation);
        Assert.Equal(4, after.Seq);
        Assert.Equal((before.Status, before.ImSubSessionId, before.SeenPushIds), (after.Status, after.ImSubSessionId, after.SeenPushIds));
        Assert.Equal(1, after.RecordedRepeatsOf(DuplicateSource.UdeskPush, "w1"));
    }

    [Fact]
    public void A_killed_conversation_recovers_its_exact_state_from_the_journal_and_snapshots()
    {
        fixture.Udesk.AnswerSessions("""{"code":1000,"assign_type":"agent","assign_info":{"im_sub_session_id":3,"agent_id":7,"agent_name":"Ann"}}""");
        var conversation = Conversation("before");
        conversation.Tell(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));
        ExpectMsg<Accepted>();
        AwaitState(conversation, s => s.Status == ConversationStatus.Agent);
        foreach (var i in Enumerable.Range(1, 9))
        {
            conversation.Tell(Pushes.Batch(Id, "agent", [JsonSerializer.SerializeToElement(new { type = "message", message_id = $"a{i}", im_sub_session_id = 3, data = new { content = "x" } })]));
            ExpectMsg<Accepted>();
        }

        var before = StateOf(conversation);
        Watch(conversation);
        conversation.Tell(Kill.Instance);
        ExpectTerminated(conversation);

        var after = StateOf(Conversation("after"));

        Assert.Equal(before.Seq, after.Seq);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.ImSubSessionId, after.ImSubSessionId);
        Assert.Equal(before.Agent, after.Agent);
        Assert.Equal(before.SeenPushIds.Order, after.SeenPushIds.Order);
        Assert.Equal(before.Outbox, after.Outbox);
    }

    [Fact]
    public void An_idle_conversation_asks_to_passivate_and_wakes_up_intact()
    {
        var settings = new ConversationSettings { PassivateAfter = TimeSpan.FromMilliseconds(300) };
        using var quick = new ConversationFixture(settings);
        var runtime = quick.Runtime(budget);
        var parent = CreateTestProbe();
        var conversation = parent.ChildActorOf(ConversationActor.Props(Id, runtime));
        conversation.Tell(Pushes.Batch(Id, "robot", [JsonSerializer.SerializeToElement(new { type = "message", message_id = "r1", data = new { answer = "hi" } })]), TestActor);
        ExpectMsg<Accepted>();

        var passivate = parent.ExpectMsg<Passivate>(TimeSpan.FromSeconds(5));
        Watch(conversation);
        conversation.Tell(passivate.StopMessage);
        ExpectTerminated(conversation);

        var woken = Sys.ActorOf(ConversationActor.Props(Id, runtime));
        Assert.Equal(1, StateOf(woken).Seq);
        Assert.True(StateOf(woken).SeenPushIds.Contains("r1"));
    }

    [Fact]
    public void A_conversation_with_calls_pending_does_not_passivate()
    {
        var settings = new ConversationSettings { PassivateAfter = TimeSpan.FromMilliseconds(200), RetryMinBackoff = TimeSpan.FromMilliseconds(50) };
        using var quick = new ConversationFixture(settings);
        quick.Udesk.Down = true;
        var parent = CreateTestProbe();
        var conversation = parent.ChildActorOf(ConversationActor.Props(Id, quick.Runtime(budget)));

        // An agent request: Udesk may have done it, so the gateway asks queue_status before repeating it.
        conversation.Tell(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }), TestActor);
        ExpectMsg<Accepted>();
        AwaitCondition(() => quick.Udesk.Refused503 >= 5, TimeSpan.FromSeconds(10));
        parent.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        quick.Udesk.Down = false;
        parent.ExpectMsg<Passivate>(TimeSpan.FromSeconds(5));
    }
}
