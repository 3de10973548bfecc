using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>Every outbox outcome of a customer message is an event the platform sees; "session gone" moves the conversation.</summary>
public sealed class CustomerMessageOutcomeTests
{
    private static readonly ConversationId Id = ConversationScenario.Id;

    private static SendMessage Message(string id) => new(Id, id, "message", new MessagePayload { Content = "hello" });

    [Fact]
    public void A_message_udesk_took_is_reported_delivered_to_its_session()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Do(Message("m-1"));

        scenario.Answer(new CallOutcome.Done());

        var delivered = Assert.IsType<CustomerMessageDelivered>(scenario.Last.Events[^1]);
        Assert.Equal(("m-1", 3L), (delivered.MessageId, delivered.ImSubSessionId!.Value));
    }

    [Theory]
    [InlineData(9200)]
    [InlineData(19200)]
    public void Session_gone_for_the_current_agent_session_closes_the_conversation_and_reports_the_message(int code)
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Do(Message("m-1"));

        scenario.Answer(new CallOutcome.Refused(code, "session does not exist"));

        var refused = Assert.Single(scenario.Last.Events.OfType<CustomerMessageRefused>());
        Assert.Equal((code, RefusalConsequence.SessionClosed), (refused.UdeskCode!.Value, refused.Consequence));
        var closed = Assert.Single(scenario.Last.Events.OfType<SessionClosed>());
        Assert.Equal((CloseTypes.Gone, CloseInitiator.Udesk, 3L), (closed.CloseType, closed.ClosedBy, closed.ImSubSessionId!.Value.Value));
        Assert.Equal(ConversationStatus.Closed, scenario.State.Status);
        Assert.Empty(scenario.State.Outbox);
    }

    [Fact]
    public void Session_gone_for_a_robot_question_ends_the_robot_session()
    {
        var scenario = new ConversationScenario().InRobotSession();
        scenario.Do(Message("m-1"));

        scenario.Answer(new CallOutcome.Refused(19200, "Session not found or closed"));

        Assert.Equal(RefusalConsequence.SessionClosed, Assert.Single(scenario.Last.Events.OfType<CustomerMessageRefused>()).Consequence);
        Assert.Equal(ConversationStatus.Closed, scenario.State.Status);
    }

    [Fact]
    public void Session_gone_for_a_session_a_transfer_replaced_sends_the_message_to_the_current_one()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Do(Message("m-1"));
        scenario.Push("agent", Pushes.Agent("transfer", "t-1", 4));

        scenario.Answer(new CallOutcome.Refused(9200, "session closed"));

        Assert.Equal(RefusalConsequence.Rerouted, Assert.Single(scenario.Last.Events.OfType<CustomerMessageRefused>()).Consequence);
        var again = Assert.IsType<OutboundCall.SendMessage>(Assert.Single(scenario.State.Outbox).Call);
        Assert.Equal(("m-1", 4L), (again.MessageId, again.ImSubSessionId));
        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
    }

    [Fact]
    public void Another_refusal_is_reported_and_changes_nothing_else()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Do(Message("m-1"));

        scenario.Answer(new CallOutcome.Refused(2062, "missing parameter"));

        var refused = Assert.Single(scenario.Last.Events.OfType<CustomerMessageRefused>());
        Assert.Equal((2062, RefusalConsequence.None), (refused.UdeskCode!.Value, refused.Consequence));
        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
    }

    [Fact]
    public void A_waiting_message_with_no_session_to_go_to_is_refused_and_reported()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = Udesk.Sessions.AssignType.Agent }));
        scenario.Do(Message("m-1"));
        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.NoAgentOnline));

        var step = Assert.IsType<OutboxDispatch.Step.Complete>(OutboxDispatch.Prepare(scenario.State, scenario.State.Outbox[0]));
        scenario.Answer(step.Outcome);

        var refused = Assert.Single(scenario.Last.Events.OfType<CustomerMessageRefused>());
        Assert.Equal(("m-1", RefusalConsequence.None), (refused.MessageId, refused.Consequence));
        Assert.Null(refused.UdeskCode);
    }
}
