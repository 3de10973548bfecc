using Orchestrator.Conversations.Audit;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Tests.Domain;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Audit;

public sealed class ReplayVerificationTests
{
    private static readonly ConversationRules Rules = new() { DedupeWindow = 4 };

    private static ConversationScenario Conversation()
    {
        var scenario = new ConversationScenario().InAgentSession(session: 3);
        scenario.Do(new SendMessage(ConversationScenario.Id, "m-1", "message", new MessagePayload { Content = "hi" }));
        scenario.Push("agent", Pushes.Agent("transfer", "t-1", 4, agentId: 2, agentName: "ANN"));
        return scenario;
    }

    [Fact]
    public void Identical_states_have_no_differences() =>
        Assert.Empty(StateDifference.Between(Conversation().State, Conversation().State));

    [Fact]
    public void Differences_are_named_by_path_with_both_values()
    {
        var state = Conversation().State;
        var changed = state with { Status = ConversationStatus.Closed, Outbox = state.Outbox.SetItem(0, state.Outbox[0] with { Seq = 99 }) };

        var differences = StateDifference.Between(state, changed);

        Assert.Equal(
            [new StateDifference("$.outbox[0].seq", "4", "99"), new StateDifference("$.status", "\"agent\"", "\"closed\"")],
            differences);
    }

    [Fact]
    public void A_field_on_one_side_only_is_a_difference_with_the_other_side_absent()
    {
        var state = Conversation().State;

        var differences = StateDifference.Between(state, state with { Agent = null });

        Assert.Equal([new StateDifference("$.agent", """{"id":2,"name":"ANN","avatar":"https://a/1.png"}""", null)], differences);
    }

    [Fact]
    public void The_decider_s_own_states_replay_to_themselves_at_every_seq()
    {
        var scenario = Conversation();
        var history = scenario.History;
        var midway = ConversationState.Initial(Rules).Apply(history.Take(3));

        var verification = ReplayVerification.Of(ConversationScenario.Id, Rules, history, (3, midway), scenario.State);

        Assert.True(verification.Consistent);
        Assert.Equal((history[^1].Seq, 3L, history[^1].Seq), (verification.ReplayedSeq, verification.SnapshotSeq, verification.LiveSeq));
    }

    [Fact]
    public void A_state_built_by_a_wrong_Apply_is_reported_field_by_field()
    {
        var scenario = Conversation();
        // The planted bug: a transfer is not applied.
        ConversationState Wrong(ConversationState state, Event e) => e is SessionTransferred ? state with { Seq = e.Seq, LastEventAt = e.At } : state.Apply(e);
        var wrongLive = scenario.History.Aggregate(ConversationState.Initial(Rules), Wrong);

        var verification = ReplayVerification.Of(ConversationScenario.Id, Rules, scenario.History, null, wrongLive);

        Assert.False(verification.Consistent);
        Assert.Equal(
            ["$.agent.avatar", "$.agent.id", "$.agent.name", "$.imSubSessionId", "$.previousSessionIds[0]", "$.seenPushIds.order[0]", "$.seenPushIds.seqs.t-1"],
            verification.LiveDifferences.Select(d => d.Path));
        Assert.Equal(new StateDifference("$.imSubSessionId", "4", "3"), verification.LiveDifferences.Single(d => d.Path == "$.imSubSessionId"));
        Assert.Empty(verification.SnapshotDifferences);
    }

    [Fact]
    public void A_snapshot_that_disagrees_with_the_events_at_its_seq_is_reported()
    {
        var scenario = Conversation();
        var atTwo = ConversationState.Initial(Rules).Apply(scenario.History.Take(2));

        var verification = ReplayVerification.Of(ConversationScenario.Id, Rules, scenario.History, (2, atTwo with { CloseType = "forged" }), null);

        Assert.Equal([new StateDifference("$.closeType", null, "\"forged\"")], verification.SnapshotDifferences);
        Assert.Equal(1, verification.DifferenceCount);
        Assert.Null(verification.LiveSeq);
    }

    [Fact]
    public void A_live_state_newer_than_the_events_read_is_a_difference_not_a_pass()
    {
        var scenario = Conversation();

        var verification = ReplayVerification.Of(ConversationScenario.Id, Rules, scenario.History.Take(2).ToList(), null, scenario.State);

        Assert.Contains(verification.LiveDifferences, d => d.Path == "$.seq");
    }
}
