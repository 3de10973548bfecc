using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>While queued, Udesk's queue_status keeps the position live and tells when Udesk dropped the customer.</summary>
public sealed class QueueTruthTests
{
    private static readonly ConversationId Id = ConversationScenario.Id;

    [Fact]
    public void A_new_position_is_recorded_and_the_same_one_is_not()
    {
        var scenario = new ConversationScenario().InRobotSession().Queued(position: 3);

        scenario.Do(new ObserveQueue(Id, "In queue", 1));
        var same = scenario.Do(new ObserveQueue(Id, "In queue", 1));

        Assert.Equal(1, scenario.State.Queue!.Position);
        Assert.Single(scenario.History.OfType<QueuePositionChanged>());
        Assert.Empty(same.Events);
    }

    [Fact]
    public void Dropped_by_udesk_returns_to_where_the_conversation_was_before_queueing()
    {
        var scenario = new ConversationScenario().InRobotSession().Queued();

        var decision = scenario.Do(new ObserveQueue(Id, "Not in queue", 0));

        var dropped = Assert.IsType<DroppedFromQueue>(Assert.Single(decision.Events));
        Assert.Equal(("queue:company:1:agent:486", ConversationStatus.Robot), (dropped.Queue, dropped.ResumedStatus));
        Assert.Equal(ConversationStatus.Robot, scenario.State.Status);
        Assert.Null(scenario.State.Queue);
    }

    [Theory]
    [InlineData("In session")]
    [InlineData("Assigning")]
    public void Being_assigned_changes_nothing_until_the_session_shows_up(string status)
    {
        var scenario = new ConversationScenario().Queued();

        Assert.Empty(scenario.Do(new ObserveQueue(Id, status, 0)).Events);
        Assert.Equal(ConversationStatus.Queued, scenario.State.Status);
    }

    [Fact]
    public void An_observation_outside_the_queue_changes_nothing() =>
        Assert.Empty(new ConversationScenario().InAgentSession().Do(new ObserveQueue(Id, "Not in queue", 0)).Events);

    [Fact]
    public void Leaving_while_udesk_was_assigning_closes_the_session_udesk_then_starts()
    {
        var scenario = new ConversationScenario().InRobotSession().Queued(queue: null, position: 0);
        scenario.Do(new AbandonQueue(Id));
        Assert.True(scenario.State.DeclineNextSession);

        scenario.Push("agent", Pushes.Agent("start_session", "s9", 9));

        Assert.IsType<SessionDeclined>(scenario.Last.Events[0]);
        Assert.Equal(ConversationStatus.Robot, scenario.State.Status);
        Assert.Contains(scenario.State.Outbox, p => p.Call is OutboundCall.CloseSession { ImSubSessionId.Value: 9 });
        Assert.False(scenario.State.DeclineNextSession);
    }
}
