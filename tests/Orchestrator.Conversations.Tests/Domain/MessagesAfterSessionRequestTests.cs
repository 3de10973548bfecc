using Orchestrator.Udesk.Sessions;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>
/// A platform sends the customer's first message right after asking for a session, before Udesk has answered: the
/// message waits behind the request and is routed by its answer, instead of being refused.
/// </summary>
public sealed class MessagesAfterSessionRequestTests
{
    private static readonly ConversationId Id = ConversationScenario.Id;

    private static SendMessage Message(string messageId = "first") => new(Id, messageId, "message", new MessagePayload { Content = "hello" });

    private static ConversationScenario Requested(AssignType assignType)
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = assignType }));
        return scenario;
    }

    [Fact]
    public void A_message_sent_while_the_session_request_is_unanswered_waits_behind_it()
    {
        var scenario = Requested(AssignType.Robot);

        var decision = scenario.Do(Message());

        Assert.IsType<Accepted>(decision.Reply);
        var queued = Assert.IsType<UdeskCallQueued>(Assert.Single(decision.Events));
        Assert.Equal(new OutboundCall.SendMessageOnceRouted("first", "message", new MessagePayload { Content = "hello" }), queued.Call);
        Assert.IsType<OutboundCall.CreateSession>(scenario.State.Outbox[0].Call);
        Assert.Equal(queued.Seq, scenario.State.Outbox[^1].Seq);
    }

    [Fact]
    public void The_waiting_message_is_idempotent_like_any_other()
    {
        var scenario = Requested(AssignType.Robot);
        var first = Assert.IsType<Accepted>(scenario.Do(Message()).Reply);

        var again = scenario.Do(Message());

        Assert.IsType<DuplicateDropped>(Assert.Single(again.Events));
        Assert.Equal(first.Seq, Assert.IsType<AlreadyAccepted>(again.Reply).Seq);
    }

    [Theory]
    [InlineData(SessionAnswerKind.Robot, 0L)]
    [InlineData(SessionAnswerKind.Queued, -3L)]
    public void Once_the_request_is_answered_the_waiting_message_takes_the_route_the_answer_opened(SessionAnswerKind answer, long imSubSessionId)
    {
        var scenario = Requested(answer == SessionAnswerKind.Robot ? AssignType.Robot : AssignType.Agent);
        scenario.Do(Message());
        scenario.AnswerSession(new SessionAnswer(answer) { QueueName = "q", Position = 1 });

        var waiting = (OutboundCall.SendMessageOnceRouted)scenario.State.Outbox[0].Call;
        var routed = ConversationDecider.Route(scenario.State, waiting);

        Assert.Equal(imSubSessionId, routed!.ImSubSessionId);
        Assert.Equal("first", routed.MessageId);
    }

    [Fact]
    public void With_no_session_request_pending_an_idle_conversation_still_refuses_messages()
    {
        var decision = new ConversationScenario().Do(Message());

        Assert.Equal(RejectionReason.Conflict, Assert.IsType<Rejected>(decision.Reply).Reason);
    }

    [Fact]
    public void When_the_answer_opens_no_session_the_waiting_message_has_nowhere_to_go()
    {
        var scenario = Requested(AssignType.Agent);
        scenario.Do(Message());
        scenario.AnswerSession(new SessionAnswer(SessionAnswerKind.NoAgentOnline));

        Assert.Null(ConversationDecider.Route(scenario.State, (OutboundCall.SendMessageOnceRouted)scenario.State.Outbox[0].Call));
    }
}
