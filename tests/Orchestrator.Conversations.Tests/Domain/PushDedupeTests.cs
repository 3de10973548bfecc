using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Domain;

public sealed class PushDedupeTests
{
    [Fact]
    public void A_repeated_push_is_acknowledged_and_dropped_with_a_trace_and_nothing_else()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        var batch = new[] { Pushes.Agent("message", "a1", 3, "hello"), Pushes.Agent("message", "a2", 3, "there") };
        var first = scenario.Push("agent", batch);
        var before = scenario.State;

        var again = scenario.Push("agent", batch);

        Assert.Equal(
            [new DuplicateDropped(before.Seq + 1, again.Events[0].At, DuplicateSource.UdeskPush, "a1", "message", first.Events[0].Seq, 1),
             new DuplicateDropped(before.Seq + 2, again.Events[0].At, DuplicateSource.UdeskPush, "a2", "message", first.Events[1].Seq, 1)],
            again.Events);
        Assert.Equal(new Accepted(before.Seq + 2), again.Reply);
        Assert.Equal(before with { Seq = before.Seq + 2, LastEventAt = again.Events[0].At, DroppedPushRepeats = scenario.State.DroppedPushRepeats }, scenario.State);
        Assert.Single(scenario.History.OfType<MessageReceived>(), m => m.MessageId == "a1");
    }

    [Fact]
    public void A_storm_of_one_duplicate_records_only_its_first_repeats()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Push("agent", Pushes.Agent("message", "a1", 3, "hello"));

        for (var i = 0; i < 10; i++)
        {
            scenario.Push("agent", Pushes.Agent("message", "a1", 3, "hello"));
        }

        Assert.Equal([1, 2, 3], scenario.History.OfType<DuplicateDropped>().Select(d => d.Repeat));
        Assert.Equal(ConversationRules.RecordedRepeatsPerId, scenario.History.OfType<DuplicateDropped>().Count());
        Assert.Empty(scenario.Last.Events);
    }

    [Fact]
    public void Repeat_counts_are_forgotten_with_their_id_so_the_state_stays_bounded()
    {
        // The scenario's dedupe window holds 4 ids.
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Push("agent", Pushes.Agent("message", "a1", 3));
        scenario.Push("agent", Pushes.Agent("message", "a1", 3));
        foreach (var id in new[] { "b1", "b2", "b3", "b4" })
        {
            scenario.Push("agent", Pushes.Agent("message", id, 3));
        }

        scenario.Push("agent", Pushes.Agent("message", "b4", 3));

        Assert.Equal(["b4"], scenario.State.DroppedPushRepeats!.Keys);
    }

    [Fact]
    public void A_batch_with_old_and_new_messages_records_only_the_new_in_order()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Push("agent", Pushes.Agent("message", "a1", 3));

        var decision = scenario.Push("agent", Pushes.Agent("message", "a1", 3), Pushes.Agent("message", "a2", 3), Pushes.Agent("message", "a2", 3), Pushes.Agent("message", "a3", 3));

        Assert.Equal(["a2", "a3"], decision.Events.OfType<MessageReceived>().Select(e => e.MessageId));
        Assert.Equal(["a1", "a2"], decision.Events.OfType<DuplicateDropped>().Select(e => e.MessageId));
    }

    [Fact]
    public void Robot_replies_are_recorded_as_visible_messages()
    {
        var scenario = new ConversationScenario().InRobotSession();

        var decision = scenario.Push("robot", Pushes.Robot("r1", "We do cloud customer service."));

        var message = Assert.IsType<MessageReceived>(Assert.Single(decision.Events));
        Assert.True(message.Visible);
        Assert.Equal("robot", message.AssignType);
        Assert.Equal("We do cloud customer service.", message.Raw.GetProperty("data").GetProperty("answer").GetString());
    }

    [Fact]
    public void A_malformed_message_is_kept_raw_and_never_costs_the_rest_of_its_batch()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        var bad = System.Text.Json.JsonSerializer.SerializeToElement(new { type = "message", message_id = "x", im_sub_session_id = new { nested = 1 } });

        var decision = scenario.Push("agent", Pushes.Agent("message", "ok", 3), bad, Pushes.Agent("message", "after", 3));

        Assert.IsType<Accepted>(decision.Reply);
        Assert.Equal(["ok", "x", "after"], decision.Events.Select(e => e switch { MessageReceived m => m.MessageId, UnreadableMessageReceived u => u.MessageId, _ => null }));
        var unreadable = Assert.IsType<UnreadableMessageReceived>(decision.Events[1]);
        Assert.Contains("im_sub_session_id", unreadable.Reason);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(bad.GetRawText()), unreadable.RawUtf8);
    }

    [Fact]
    public void An_unreadable_message_without_an_id_delivered_again_is_kept_once()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        var bad = System.Text.Json.JsonSerializer.SerializeToElement(new { type = "message", agent_id = new[] { 1 }, data = new { content = "x" } });

        scenario.Push("agent", bad);
        var again = scenario.Push("agent", bad);

        Assert.Single(scenario.History.OfType<UnreadableMessageReceived>());
        var dropped = Assert.IsType<DuplicateDropped>(Assert.Single(again.Events));
        Assert.Equal(("unreadable", DuplicateSource.UdeskPush), (dropped.Kind, dropped.Source));
        Assert.StartsWith("unreadable:", dropped.MessageId);
    }

    [Fact]
    public void Read_receipts_are_recorded()
    {
        var scenario = new ConversationScenario().InAgentSession(3);

        var decision = scenario.Do(new ApplyReadReceipt(ConversationScenario.Id, new SessionId(3), ["c1", "c2"]));

        Assert.Equal(["c1", "c2"], Assert.IsType<ReadReceiptReceived>(Assert.Single(decision.Events)).MessageIds);
    }

    [Fact]
    public void Replaying_the_history_rebuilds_the_same_state()
    {
        var scenario = new ConversationScenario().InAgentSession(3);
        scenario.Push("agent", Pushes.Agent("transfer", "t1", 4), Pushes.Agent("message", "m1", 4));
        scenario.Do(new SendMessage(ConversationScenario.Id, "c1", "message", new MessagePayload { Content = "hi" }));
        scenario.Push("agent", Pushes.Close("x1", 4));

        var replayed = ConversationState.Initial(new ConversationRules { DedupeWindow = 4 }).Apply(scenario.History);

        Assert.Equal(scenario.State.Status, replayed.Status);
        Assert.Equal(scenario.State.Seq, replayed.Seq);
        Assert.Equal(scenario.State.ImSubSessionId, replayed.ImSubSessionId);
        Assert.Equal(scenario.State.PreviousSessionIds, replayed.PreviousSessionIds);
        Assert.Equal(scenario.State.Outbox, replayed.Outbox);
        Assert.Equal(scenario.State.SeenPushIds.Order, replayed.SeenPushIds.Order);
        Assert.Equal(scenario.State.AcceptedMessageIds.Seqs, replayed.AcceptedMessageIds.Seqs);
    }
}
