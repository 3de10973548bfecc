using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Overview;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Overview;

/// <summary>The console's read model over journal events: per tenant, counted by status, the queue, the search.</summary>
public sealed class ConversationOverviewTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Conversations_are_counted_by_status_per_tenant_and_other_journal_events_only_move_the_offset()
    {
        var overview = new ConversationOverview();
        overview.Apply(1, Pid("acme", "ann"), new RobotSessionStarted(1, At, null));
        overview.Apply(2, Pid("acme", "bob"), new Queued(1, At, new QueueInfo("q:1", 2), null));
        overview.Apply(3, Pid("acme", "ann"), new AgentSessionStarted(2, At, new SessionId(5), new AgentInfo(1, "TOM", null), null, null, null));
        overview.Apply(4, Pid("other", "ann"), new RobotSessionStarted(1, At, null));
        overview.Apply(5, "delivery-dispatcher", new RobotSessionStarted(1, At, null));
        overview.Apply(6, Pid("acme", "cy"), "not a conversation event");

        var counts = overview.CountsOf("acme");

        Assert.Equal(6, overview.Offset);
        Assert.Equal((2, 1, 1, 0), (overview.CountOf("acme"), counts[ConversationStatus.Agent], counts[ConversationStatus.Queued], counts[ConversationStatus.Robot]));
        Assert.Equal(Enum.GetValues<ConversationStatus>().Length, counts.Count);
        Assert.Equal(1, overview.CountsOf("other")[ConversationStatus.Robot]);
        Assert.All(overview.CountsOf("nobody").Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public void The_queue_lists_the_longest_waiting_first_with_its_place()
    {
        var overview = new ConversationOverview();
        overview.Apply(1, Pid("acme", "late"), new Queued(1, At.AddMinutes(5), new QueueInfo("q:1", 2), null));
        overview.Apply(2, Pid("acme", "early"), new Queued(1, At, new QueueInfo("q:1", 1), null));
        overview.Apply(3, Pid("acme", "served"), new Queued(1, At, new QueueInfo("q:1", 1), null));
        overview.Apply(4, Pid("acme", "served"), new AgentSessionStarted(2, At.AddMinutes(1), new SessionId(5), new AgentInfo(1, "TOM", null), null, null, null));
        overview.Apply(5, Pid("acme", "late"), new QueuePositionChanged(2, At.AddMinutes(6), 1));

        var queue = overview.QueueOf("acme");

        Assert.Equal(["early", "late"], queue.Select(q => q.CustomerToken));
        Assert.Equal((1, At.AddMinutes(5)), (queue[1].Summary.Queue!.Position, queue[1].Summary.QueuedSince!.Value));
    }

    [Fact]
    public void A_search_finds_tokens_containing_the_text_exact_match_first_then_most_recent()
    {
        var overview = new ConversationOverview();
        overview.Apply(1, Pid("acme", "alice-2"), new RobotSessionStarted(1, At.AddMinutes(1), null));
        overview.Apply(2, Pid("acme", "ALICE"), new RobotSessionStarted(1, At, null));
        overview.Apply(3, Pid("acme", "malice"), new RobotSessionStarted(1, At.AddMinutes(2), null));
        overview.Apply(4, Pid("acme", "bob"), new RobotSessionStarted(1, At.AddMinutes(3), null));
        overview.Apply(5, Pid("other", "alice"), new RobotSessionStarted(1, At.AddMinutes(3), null));

        Assert.Equal(["malice", "alice-2", "ALICE"], overview.Search("acme", "alice", 10).Select(m => m.CustomerToken));
        Assert.Equal(["ALICE", "malice"], overview.Search("acme", "ALICE", 2).Select(m => m.CustomerToken));
    }

    private static string Pid(string tenant, string token) => new ConversationId(tenant, token).PersistenceId;
}
