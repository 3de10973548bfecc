using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Udesk.Sessions;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>Udesk moved the customer to a session whose push is late: nothing is lost, and a close the customer asked for holds.</summary>
public sealed class MovedSessionTests
{
    private static readonly ConversationId Id = ConversationScenario.Id;

    [Fact]
    public void A_message_routed_to_a_session_a_transfer_replaced_goes_to_the_current_one_when_its_turn_comes()
    {
        var scenario = new ConversationScenario().InAgentSession(10);
        scenario.Do(new SendMessage(Id, "m-1", "message", new MessagePayload { Content = "hello" }));
        scenario.Push("agent", Pushes.Agent("transfer", "t1", 11));

        var step = Assert.IsType<OutboxDispatch.Step.Send>(OutboxDispatch.Prepare(scenario.State, scenario.State.Outbox[0]));

        Assert.Equal(11, Assert.IsType<OutboundCall.SendMessage>(step.Call.Call).ImSubSessionId);
    }

    [Fact]
    public void A_message_sent_to_the_old_session_and_delivered_is_reported_where_it_went()
    {
        var scenario = new ConversationScenario().InAgentSession(10);
        scenario.Do(new SendMessage(Id, "m-1", "message", new MessagePayload { Content = "hello" }));
        scenario.Push("agent", Pushes.Agent("transfer", "t1", 11));

        scenario.Do(new CompleteCall(Id, scenario.State.Outbox[0].Seq, new CallOutcome.Done(), SentTo: 11));

        Assert.Equal(11, Assert.IsType<CustomerMessageDelivered>(scenario.Last.Events[^1]).ImSubSessionId);
    }

    [Fact]
    public void A_session_udesk_moves_the_customer_to_after_they_closed_is_declined_and_closed_at_udesk()
    {
        var scenario = new ConversationScenario().InAgentSession(10);
        scenario.Do(new CloseSession(Id));

        scenario.Push("agent", Pushes.Agent("transfer", "t1", 11, agentId: 9, agentName: "Jerry"), Pushes.Agent("message", "hello-11", 11));

        Assert.IsType<SessionDeclined>(scenario.Last.Events[0]);
        Assert.Equal(ConversationStatus.Closed, scenario.State.Status);
        Assert.Equal(new SessionId(10), scenario.State.ImSubSessionId);
        Assert.Contains(scenario.State.Outbox, p => p.Call is OutboundCall.CloseSession { ImSubSessionId.Value: 11 });
        Assert.DoesNotContain(scenario.History, e => e is AgentSessionStarted { ImSubSessionId.Value: 11 } or SessionTransferred { ToSessionId.Value: 11 });
    }

    [Fact]
    public void After_a_close_a_new_request_wants_the_session_it_brings()
    {
        var scenario = new ConversationScenario().InAgentSession(10);
        scenario.Do(new CloseSession(Id));
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));

        scenario.Push("agent", Pushes.Agent("start_session", "s12", 12));

        Assert.Equal((ConversationStatus.Agent, new SessionId(12)), (scenario.State.Status, scenario.State.ImSubSessionId!.Value));
        Assert.DoesNotContain(scenario.History, e => e is SessionDeclined);
    }

    [Fact]
    public void A_session_udesk_closed_is_no_reason_to_decline_the_next_one()
    {
        var scenario = new ConversationScenario().InAgentSession(10);
        scenario.Push("agent", Pushes.Close("c1", 10));

        scenario.Push("agent", Pushes.Agent("start_session", "s12", 12));

        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
    }
}
