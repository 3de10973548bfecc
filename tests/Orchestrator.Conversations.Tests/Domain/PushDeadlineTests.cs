using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>A push reached after the webhook answered 503 is left for Udesk's redelivery, not persisted twice over.</summary>
public sealed class PushDeadlineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_push_reached_after_its_answer_by_time_changes_nothing()
    {
        var state = new ConversationScenario().InAgentSession(3).State;

        var decision = ConversationDecider.Decide(state, Pushes.Batch(ConversationScenario.Id, "agent", [Pushes.Agent("message", "a1", 3)], Now.AddTicks(-1)), Now);

        Assert.Empty(decision.Events);
        Assert.Equal(RejectionReason.TooLate, Assert.IsType<Rejected>(decision.Reply).Reason);
    }

    [Fact]
    public void The_redelivered_push_is_then_recorded_not_taken_for_a_duplicate()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        var batch = new[] { Pushes.Agent("message", "a1", 3) };
        scenario.Do(Pushes.Batch(ConversationScenario.Id, "agent", batch, DateTimeOffset.UnixEpoch));

        var redelivered = scenario.Push("agent", batch);

        Assert.Equal("a1", Assert.IsType<MessageReceived>(Assert.Single(redelivered.Events)).MessageId);
        Assert.IsType<Accepted>(redelivered.Reply);
    }

    [Fact]
    public void A_push_reached_at_its_answer_by_time_is_still_recorded()
    {
        var state = new ConversationScenario().InAgentSession(3).State;

        var decision = ConversationDecider.Decide(state, Pushes.Batch(ConversationScenario.Id, "agent", [Pushes.Agent("message", "a1", 3)], Now), Now);

        Assert.Single(decision.Events);
    }
}
