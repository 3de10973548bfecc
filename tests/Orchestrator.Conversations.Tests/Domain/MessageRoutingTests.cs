using Orchestrator.Udesk.Sessions;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Domain;

public sealed class MessageRoutingTests
{
    private static readonly ConversationId Id = ConversationScenario.Id;

    private static OutboundCall.SendMessage Routed(ConversationScenario scenario, string messageId = "m1", string type = "message")
    {
        var decision = scenario.Do(new SendMessage(Id, messageId, type, new MessagePayload { Content = "hello" }));
        return Assert.IsType<OutboundCall.SendMessage>(Assert.IsType<UdeskCallQueued>(Assert.Single(decision.Events)).Call);
    }

    [Fact]
    public void Agent_messages_go_to_the_agent_session() => Assert.Equal(3, Routed(new ConversationScenario().InAgentSession(3)).ImSubSessionId);

    [Fact]
    public void Robot_messages_go_to_session_zero() => Assert.Equal(0, Routed(new ConversationScenario().InRobotSession()).ImSubSessionId);

    [Fact]
    public void Queued_messages_go_to_minus_three() => Assert.Equal(-3, Routed(new ConversationScenario().Queued()).ImSubSessionId);

    [Fact]
    public void Urobot_messages_go_to_minus_one_with_robot_scene_and_urobot_session()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Urobot, RobotId = 12, SceneId = 39 }));
        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.Urobot) { UrobotSessionId = 23702 });

        var call = Routed(scenario);

        Assert.Equal((-1L, 12L, 39L, 23702L), (call.ImSubSessionId, call.RobotId!.Value, call.SceneId!.Value, call.UrobotSessionId!.Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_an_open_session_a_message_conflicts(bool closed)
    {
        var scenario = new ConversationScenario();
        if (closed)
        {
            scenario.InAgentSession().Do(new CloseSession(Id));
        }

        var decision = scenario.Do(new SendMessage(Id, "m1", "message", new MessagePayload { Content = "hi" }));

        Assert.Equal(RejectionReason.Conflict, Assert.IsType<Rejected>(decision.Reply).Reason);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void The_robot_takes_only_text()
    {
        var decision = new ConversationScenario().InRobotSession().Do(new SendMessage(Id, "m1", "image", new MessagePayload { Content = "https://i/1.png" }));

        Assert.Equal(RejectionReason.Conflict, Assert.IsType<Rejected>(decision.Reply).Reason);
    }

    [Theory]
    [InlineData("has space", "message")]
    [InlineData("", "message")]
    [InlineData("ok", "close")]
    public void Malformed_messages_are_invalid(string messageId, string type)
    {
        var decision = new ConversationScenario().InAgentSession().Do(new SendMessage(Id, messageId, type, new MessagePayload()));

        Assert.Equal(RejectionReason.Invalid, Assert.IsType<Rejected>(decision.Reply).Reason);
    }

    [Fact]
    public void A_repeated_message_names_the_key_that_sent_it_again()
    {
        var scenario = new ConversationScenario().InAgentSession();
        scenario.Do(new SendMessage(Id, "m1", "message", new MessagePayload { Content = "a" }) { IssuedBy = "crm" });

        var again = scenario.Do(new SendMessage(Id, "m1", "message", new MessagePayload { Content = "a" }) { IssuedBy = "retrying-client" });

        Assert.Equal("retrying-client", Assert.IsType<DuplicateDropped>(Assert.Single(again.Events)).IssuedBy);
    }

    [Fact]
    public void A_repeated_message_id_returns_the_original_result_and_only_records_the_repeat()
    {
        var scenario = new ConversationScenario().InAgentSession();
        var first = Assert.IsType<Accepted>(scenario.Do(new SendMessage(Id, "m1", "message", new MessagePayload { Content = "a" })).Reply);
        scenario.Do(new SendMessage(Id, "m2", "message", new MessagePayload { Content = "b" }));
        var before = scenario.State;

        var again = scenario.Do(new SendMessage(Id, "m1", "message", new MessagePayload { Content = "a" }));

        Assert.Equal(new AlreadyAccepted(first.Seq), again.Reply);
        Assert.Equal([new DuplicateDropped(before.Seq + 1, again.Events[0].At, DuplicateSource.PlatformMessage, "m1", "message", first.Seq, 1)], again.Events);
        Assert.Equal(before with { Seq = before.Seq + 1, LastEventAt = again.Events[0].At, DroppedMessageRepeats = scenario.State.DroppedMessageRepeats }, scenario.State);
        Assert.Equal(1, scenario.State.RecordedRepeatsOf(DuplicateSource.PlatformMessage, "m1"));
    }

    [Fact]
    public void The_idempotency_window_is_bounded()
    {
        var scenario = new ConversationScenario().InAgentSession();
        foreach (var i in Enumerable.Range(1, 5))
        {
            scenario.Do(new SendMessage(Id, $"m{i}", "message", new MessagePayload { Content = "x" }));
        }

        Assert.Equal(4, scenario.State.AcceptedMessageIds.Count);
        Assert.False(scenario.State.AcceptedMessageIds.Contains("m1"));
        Assert.True(scenario.State.AcceptedMessageIds.Contains("m5"));
    }

    [Fact]
    public void Previews_need_an_agent_session()
    {
        Assert.IsType<Rejected>(new ConversationScenario().InRobotSession().Do(new SendPreview(Id, "typing")).Reply);
        var agent = new ConversationScenario().InAgentSession();
        var decision = agent.Do(new SendPreview(Id, "typing"));
        Assert.IsType<Accepted>(decision.Reply);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_workbench_message_goes_to_the_workbench_whatever_the_state_with_its_agent_or_group()
    {
        var scenario = new ConversationScenario();

        scenario.Do(new SendMessage(Id, "leave-1", "message", new MessagePayload { Content = "call me back" }, new WorkbenchAddress(AgentId: 397)));

        var call = Assert.IsType<OutboundCall.SendMessage>(Assert.Single(scenario.State.Outbox).Call);
        Assert.Equal((OutboundCall.SendMessage.Workbench, 397L, (long?)null), (call.ImSubSessionId, call.AgentId!.Value, call.GroupId));
        Assert.Equal(ConversationStatus.Idle, scenario.State.Status);
    }

    [Fact]
    public void A_workbench_message_udesk_refuses_as_gone_closes_nothing()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Do(new SendMessage(Id, "leave-1", "message", new MessagePayload { Content = "x" }, new WorkbenchAddress()));

        scenario.Answer(new CallOutcome.Refused(9200, "session does not exist"));

        Assert.Equal(RefusalConsequence.None, Assert.Single(scenario.Last.Events.OfType<CustomerMessageRefused>()).Consequence);
        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
    }
}
