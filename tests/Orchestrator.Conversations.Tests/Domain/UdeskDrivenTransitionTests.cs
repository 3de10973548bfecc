using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>The state machine as Udesk really drives it: redirects, split and reordered batches, transfers while queued.</summary>
public sealed class UdeskDrivenTransitionTests
{
    [Fact]
    public void A_redirect_close_followed_by_a_transfer_follows_the_transfer_and_does_not_close()
    {
        var scenario = new ConversationScenario().InAgentSession(3);

        scenario.Push("agent", Pushes.Close("c1", 3, "redirect"), Pushes.Agent("transfer", "t1", 4, agentId: 9, agentName: "Jerry"));

        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
        Assert.Equal(new SessionId(4), scenario.State.ImSubSessionId);
        Assert.Equal([new SessionId(3)], scenario.State.PreviousSessionIds);
        Assert.Equal("Jerry", scenario.State.Agent!.Name);
        Assert.DoesNotContain(scenario.History, e => e is SessionClosed);
        Assert.False(Assert.IsType<MessageReceived>(scenario.Last.Events[0]).Visible);
    }

    [Fact]
    public void A_redirect_close_in_one_batch_and_the_transfer_in_the_next_still_ends_in_the_new_session()
    {
        var scenario = new ConversationScenario().InAgentSession(3);

        scenario.Push("agent", Pushes.Close("c1", 3, "redirect"));
        scenario.Push("agent", Pushes.Agent("transfer", "t1", 4));

        Assert.Equal((ConversationStatus.Agent, 4L), (scenario.State.Status, scenario.State.ImSubSessionId!.Value.Value));
    }

    [Fact]
    public void A_message_of_a_newer_session_before_its_transfer_moves_the_conversation_and_the_transfer_is_not_applied_twice()
    {
        var scenario = new ConversationScenario().InAgentSession(3);

        scenario.Push("agent", Pushes.Agent("message", "n1", 4, "Jerry here", agentId: 9, agentName: "Jerry"));

        var transferred = Assert.IsType<SessionTransferred>(scenario.Last.Events[0]);
        Assert.Equal((new SessionId(3), new SessionId(4)), (transferred.FromSessionId!.Value, transferred.ToSessionId));
        Assert.IsType<MessageReceived>(scenario.Last.Events[1]);
        Assert.Equal(new SessionId(4), scenario.State.ImSubSessionId);

        scenario.Push("agent", Pushes.Agent("transfer", "t1", 4, "Transferred to Jerry", agentId: 9, agentName: "Jerry"));

        Assert.True(Assert.IsType<MessageReceived>(Assert.Single(scenario.Last.Events)).Visible);
        Assert.Equal([new SessionId(3)], scenario.State.PreviousSessionIds);
        Assert.Single(scenario.History.OfType<SessionTransferred>());
    }

    [Fact]
    public void A_straggler_of_an_older_unknown_session_is_shown_but_moves_nothing()
    {
        var scenario = new ConversationScenario().InAgentSession(7);

        scenario.Push("agent", Pushes.Agent("message", "old", 5));

        Assert.IsType<MessageReceived>(Assert.Single(scenario.Last.Events));
        Assert.Equal(new SessionId(7), scenario.State.ImSubSessionId);
    }

    [Fact]
    public void A_message_of_a_session_while_queued_means_an_agent_took_the_customer_even_before_start_session()
    {
        var scenario = new ConversationScenario().Queued();

        scenario.Push("agent", Pushes.Agent("message", "hello", 11, "Hi, I am Tom"));
        scenario.Push("agent", Pushes.Agent("start_session", "s11", 11));

        Assert.Equal((ConversationStatus.Agent, 11L), (scenario.State.Status, scenario.State.ImSubSessionId!.Value.Value));
        Assert.Null(scenario.State.Queue);
        Assert.Single(scenario.History.OfType<AgentSessionStarted>());
    }

    [Fact]
    public void A_transfer_while_queued_clears_the_queue()
    {
        var scenario = new ConversationScenario().Queued();

        scenario.Push("agent", Pushes.Agent("transfer", "t1", 12));

        Assert.Equal((ConversationStatus.Agent, 12L), (scenario.State.Status, scenario.State.ImSubSessionId!.Value.Value));
        Assert.Null(scenario.State.Queue);
        Assert.Null(scenario.State.StatusBeforeQueue);
    }

    [Fact]
    public void A_batch_reordered_by_udesk_ends_in_the_right_session()
    {
        var scenario = new ConversationScenario().InAgentSession(3);

        // The new session's welcome and the transfer overtook the old session's last words.
        scenario.Push("agent", Pushes.Agent("message", "w4", 4), Pushes.Agent("transfer", "t1", 4));
        scenario.Push("agent", Pushes.Agent("message", "bye3", 3));

        Assert.Equal(new SessionId(4), scenario.State.ImSubSessionId);
        Assert.Equal(ConversationStatus.Agent, scenario.State.Status);
        Assert.Equal(3, scenario.History.OfType<MessageReceived>().Count());
    }
}
