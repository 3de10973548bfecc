using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Overview;
using Orchestrator.Conversations.Tests.Domain;
using Orchestrator.Conversations.Tests.Serialization;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Overview;

/// <summary>The console's fold of one conversation agrees with the conversation's own state, and times its status and queue.</summary>
public sealed class ConversationSummaryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Orders() => ["samples in order", "samples reversed", "queued, moved, agent, closed", "queued and abandoned"];

    [Theory]
    [MemberData(nameof(Orders))]
    public void After_every_event_the_status_and_queue_are_the_conversations_own(string order)
    {
        var state = ConversationState.Initial(new ConversationRules());
        var summary = ConversationSummary.Initial(At);

        foreach (var e in Events(order))
        {
            state = state.Apply(e);
            summary = summary.Apply(e);

            Assert.Equal((state.Status, state.Queue, state.Seq, state.LastEventAt), (summary.Status, summary.Queue, summary.Seq, summary.LastEventAt));
        }
    }

    [Fact]
    public void A_queued_conversation_keeps_when_it_started_waiting_while_its_place_changes()
    {
        var summary = ConversationSummary.Initial(At)
            .Apply(new Queued(1, At.AddSeconds(10), new QueueInfo("q:1", 5), null))
            .Apply(new QueuePositionChanged(2, At.AddSeconds(20), 2))
            .Apply(new Queued(3, At.AddSeconds(30), new QueueInfo("q:2", 1), null));

        Assert.Equal((ConversationStatus.Queued, At.AddSeconds(10), At.AddSeconds(10), new QueueInfo("q:2", 1)), (summary.Status, summary.Since, summary.QueuedSince, summary.Queue));
    }

    [Fact]
    public void Leaving_the_queue_ends_its_wait_and_a_status_reached_anew_starts_its_since()
    {
        var summary = ConversationSummary.Initial(At)
            .Apply(new RobotSessionStarted(1, At.AddSeconds(1), "hi"))
            .Apply(new Queued(2, At.AddSeconds(2), new QueueInfo("q:1", 3), null))
            .Apply(new QueueAbandoned(3, At.AddSeconds(3), "q:1", ConversationStatus.Robot))
            .Apply(new MessageReceived(4, At.AddSeconds(4), "r-1", "robot", "message", true, null, default));

        Assert.Equal((ConversationStatus.Robot, At.AddSeconds(3), null, null), (summary.Status, summary.Since, summary.QueuedSince, summary.Queue));
        Assert.Equal(At.AddSeconds(4), summary.LastEventAt);
    }

    private static IEnumerable<Event> Events(string order) => order switch
    {
        "samples in order" => SampleMessages.All.OfType<Event>(),
        "samples reversed" => SampleMessages.All.OfType<Event>().Reverse(),
        "queued, moved, agent, closed" => QueuedThenServed(),
        _ => QueuedThenAbandoned(),
    };

    private static List<Event> QueuedThenServed()
    {
        var scenario = new ConversationScenario().Queued(position: 4);
        scenario.Push("agent", Pushes.Agent("start_session", "s7", 7));
        scenario.Push("agent", Pushes.Agent("message", "a7", 7, "hello"));
        scenario.Push("agent", Pushes.Close("c7", 7));
        return scenario.History;
    }

    private static List<Event> QueuedThenAbandoned()
    {
        var scenario = new ConversationScenario().InRobotSession().Queued();
        scenario.Do(new ConversationCommands.AbandonQueue(ConversationScenario.Id));
        scenario.Answer(new Orchestrator.Conversations.Outbox.CallOutcome.Done());
        return scenario.History;
    }
}
