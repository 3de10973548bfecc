using System.Collections.Concurrent;
using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Overview;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Overview.OverviewMessages;

namespace Orchestrator.Conversations.Tests.Overview;

/// <summary>The overview actor follows the event source it is given and, when that stops, follows it again from where it was.</summary>
public sealed class ConversationOverviewActorTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task It_answers_from_the_events_it_followed()
    {
        var overview = Sys.ActorOf(ConversationOverviewActor.Props(_ => Live(Envelope(1, "ann", new RobotSessionStarted(1, At, null)), Envelope(2, "bob", new Queued(1, At, new QueueInfo("q:1", 4), null))), TimeSpan.FromMilliseconds(10)));

        var reading = await Read(overview, r => r.Offset == 2);
        var found = await overview.Ask<ConversationMatches>(new SearchConversations("acme", "bo", 10));

        Assert.Equal((2, 1, 1), (reading.Conversations, reading.Counts[ConversationStatus.Robot], reading.Counts[ConversationStatus.Queued]));
        Assert.Equal(("bob", 4), (Assert.Single(reading.Queue).CustomerToken, reading.Queue[0].Summary.Queue!.Position));
        Assert.Equal("bob", Assert.Single(found.Matches).CustomerToken);
    }

    [Fact]
    public async Task A_stream_that_fails_is_followed_again_after_the_last_offset_applied()
    {
        var asked = new ConcurrentQueue<long>();
        var first = KillSwitches.Shared("first-stream");
        JournalEventSource events = after =>
        {
            asked.Enqueue(after);
            return after == 0
                ? Live(Envelope(1, "ann", new RobotSessionStarted(1, At, null)), Envelope(2, "bob", new RobotSessionStarted(1, At, null))).Via(first.Flow<EventEnvelope>())
                : Live(Envelope(3, "cy", new RobotSessionStarted(1, At, null)));
        };
        var overview = Sys.ActorOf(ConversationOverviewActor.Props(events, TimeSpan.FromMilliseconds(10)));
        await Read(overview, r => r.Offset == 2);

        first.Abort(new InvalidOperationException("the database went away"));
        var reading = await Read(overview, r => r.Offset == 3);

        Assert.Equal(3, reading.Conversations);
        Assert.Equal([0L, 2L], asked);
    }

    private static Source<EventEnvelope, NotUsed> Live(params EventEnvelope[] envelopes) => Source.From(envelopes).Concat(Source.Never<EventEnvelope>());

    private static EventEnvelope Envelope(long offset, string token, Event e) =>
        new(Offset.Sequence(offset), new ConversationId("acme", token).PersistenceId, e.Seq, e, offset, []);

    private static Task<OverviewReading> Read(IActorRef overview, Func<OverviewReading, bool> holds) =>
        Eventually.Until(() => overview.Ask<OverviewReading>(new ReadOverview("acme")), holds, "the overview reading", TimeSpan.FromSeconds(30));
}
