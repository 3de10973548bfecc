using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Udesk.Sessions;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>Session requests and closes sent while an earlier request is on its way wait behind it (the README walk-through as one block).</summary>
public sealed class PendingRequestTests
{
    private static readonly ConversationId Id = ConversationScenario.Id;

    [Fact]
    public void A_second_request_while_one_is_on_its_way_is_accepted_and_queued_behind_it()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Robot }));

        var decision = scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent, AgentId = 397 }));

        Assert.IsType<Accepted>(decision.Reply);
        Assert.Equal(2, scenario.State.Outbox.Count(p => p.Call is OutboundCall.CreateSession));
        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.Robot));
        Assert.True(scenario.State.SessionRequestPending);
        var next = Assert.IsType<OutboxDispatch.Step.Send>(OutboxDispatch.Prepare(scenario.State, scenario.State.Outbox[0]));
        Assert.Equal(397, Assert.IsType<OutboundCall.CreateSession>(next.Call.Call).Request.AgentId);
    }

    [Fact]
    public void A_request_queued_behind_one_that_led_to_an_agent_is_refused_when_its_turn_comes_and_reported()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Robot }));
        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.Agent) { ImSubSessionId = new SessionId(3), Agent = new AgentInfo(1, "TOM", null) });

        var step = Assert.IsType<OutboxDispatch.Step.Complete>(OutboxDispatch.Prepare(scenario.State, scenario.State.Outbox[0]));
        scenario.Answer(step.Outcome);

        var refused = Assert.IsType<SessionRequestRefused>(scenario.Last.Events[^1]);
        Assert.Null(refused.UdeskCode);
        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
        Assert.False(scenario.State.SessionRequestPending);
        Assert.Empty(scenario.State.Outbox);
    }

    [Theory]
    [InlineData(SessionAnswerKind.Agent, ConversationStatus.Closed, true)]
    [InlineData(SessionAnswerKind.Robot, ConversationStatus.Closed, false)]
    [InlineData(SessionAnswerKind.Queued, ConversationStatus.Idle, false)]
    [InlineData(SessionAnswerKind.NoAgentOnline, ConversationStatus.Idle, false)]
    public void A_close_while_a_request_is_on_its_way_is_decided_from_what_the_request_led_to(SessionAnswerKind answer, ConversationStatus after, bool closesAtUdesk)
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));

        var decision = scenario.Do(new CloseSession(Id));

        Assert.IsType<Accepted>(decision.Reply);
        Assert.IsType<OutboundCall.CloseOnceAnswered>(Assert.IsType<UdeskCallQueued>(Assert.Single(decision.Events)).Call);
        scenario.AnswerSession(new SessionAnswer(answer) { ImSubSessionId = new SessionId(3), QueueName = "q:1", Position = 2 });
        var step = Assert.IsType<OutboxDispatch.Step.Complete>(OutboxDispatch.Prepare(scenario.State, scenario.State.Outbox[0]));
        scenario.Answer(step.Outcome);

        Assert.Equal(after, scenario.State.Status);
        Assert.Equal(closesAtUdesk, scenario.State.Outbox.Any(p => p.Call is OutboundCall.CloseSession { ImSubSessionId.Value: 3 }));
        Assert.Equal(answer == SessionAnswerKind.Queued, scenario.State.Outbox.Any(p => p.Call is OutboundCall.AbandonQueue { Queue: "q:1" }));
    }
}
