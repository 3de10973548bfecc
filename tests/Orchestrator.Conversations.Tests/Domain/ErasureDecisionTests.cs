using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Retention;
using Orchestrator.Udesk.Sessions;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Domain;

public sealed class ErasureDecisionTests
{
    private static readonly ConversationId Id = ConversationScenario.Id;

    [Fact]
    public void A_closed_conversation_may_be_erased_and_the_decision_persists_nothing()
    {
        var scenario = new ConversationScenario().InRobotSession();
        scenario.Do(new CloseSession(Id));

        var decision = scenario.Do(new EraseConversation(Id, ErasureReason.Request));

        Assert.Equal(new Accepted(scenario.State.Seq), decision.Reply);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_customer_with_a_session_at_Udesk_is_not_erased_until_it_is_closed()
    {
        var scenario = new ConversationScenario().InAgentSession();

        var refused = Assert.IsType<Rejected>(scenario.Do(new EraseConversation(Id, ErasureReason.Request)).Reply);

        Assert.Equal(RejectionReason.Conflict, refused.Reason);
        Assert.Contains("open session at Udesk (the conversation is with an agent); close it", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Calls_still_waiting_for_Udesk_refuse_the_erasure()
    {
        var scenario = new ConversationScenario();
        scenario.Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Robot }));

        var refused = Assert.IsType<Rejected>(scenario.Do(new EraseConversation(Id, ErasureReason.Request)).Reply);

        Assert.Contains("still waiting for an answer", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_erases_only_a_conversation_closed_since_before_the_cutoff()
    {
        var scenario = new ConversationScenario().InRobotSession();
        scenario.Do(new CloseSession(Id));
        var closedAt = scenario.State.LastEventAt!.Value;

        Assert.IsType<Rejected>(scenario.Do(new EraseConversation(Id, ErasureReason.Retention, ClosedBefore: closedAt.AddTicks(-1))).Reply);
        Assert.IsType<Accepted>(scenario.Do(new EraseConversation(Id, ErasureReason.Retention, ClosedBefore: closedAt)).Reply);
    }

    [Fact]
    public void Retention_leaves_a_conversation_that_never_closed_alone()
    {
        var scenario = new ConversationScenario();

        var refused = Assert.IsType<Rejected>(scenario.Do(new EraseConversation(Id, ErasureReason.Retention, ClosedBefore: DateTimeOffset.MaxValue)).Reply);

        Assert.Contains("has not been closed", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ledger_numbers_its_entries_and_lists_a_window()
    {
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var state = new ErasureLedgerState();
        foreach (var day in new[] { 0, 1, 2 })
        {
            state = state.Apply(state.Decide(new ErasureLedgerMessages.RecordErasure("acme", $"h{day}", ErasureReason.Retention, 5, 1, 0, null), at.AddDays(day)));
        }

        Assert.Equal([1L, 2L, 3L], state.Entries.Select(e => e.Id));
        Assert.Equal(["h1"], state.Between(at.AddDays(1), at.AddDays(2), 100).Select(e => e.CustomerTokenSha256));
        Assert.Equal(["h0", "h1"], state.Between(null, null, 2).Select(e => e.CustomerTokenSha256));
    }

    [Theory]
    [InlineData("00:00:00", "01:00:00", "ClosedAfter must be a positive time span")]
    [InlineData("30.00:00:00", "00:00:00", "Interval must be at least")]
    public void Retention_settings_are_checked_naming_the_key(string closedAfter, string interval, string expected)
    {
        var result = new RetentionOptionsValidator().Validate(null, new RetentionOptions { ClosedAfter = TimeSpan.Parse(closedAfter), Interval = TimeSpan.Parse(interval) });

        Assert.True(result.Failed);
        Assert.Contains($"Orchestrator:Retention:{expected}", result.FailureMessage, StringComparison.Ordinal);
    }
}
