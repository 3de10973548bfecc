using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using static Orchestrator.Conversations.Overview.OverviewMessages;

namespace Orchestrator.Conversations.Overview;

/// <summary>
/// Keeps this node's <see cref="ConversationOverview"/> by following the journal from offset 0 (so nothing is
/// persisted and every node can answer by itself), and answers the console's questions from it. The stream is
/// back-pressured by acknowledgements, so a long journal never floods the mailbox; when it stops it is followed
/// again from the last offset applied.
/// </summary>
public sealed class ConversationOverviewActor : ReceiveActor, IWithTimers
{
    public const string Name = "conversation-overview";
    private const int BatchSize = 500;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    private readonly ConversationOverview overview = new();
    private readonly JournalEventSource events;
    private readonly TimeSpan followAgainAfter;
    private readonly IMaterializer materializer = Context.Materializer(namePrefix: "conversation-overview");
    private readonly ILoggingAdapter log = Context.GetLogger();
    private UniqueKillSwitch? stream;

    public ConversationOverviewActor(JournalEventSource events, TimeSpan followAgainAfter)
    {
        this.events = events;
        this.followAgainAfter = followAgainAfter;
        Receive<ReadOverview>(read => Sender.Tell(new OverviewReading(read.Tenant, overview.Offset, overview.CountOf(read.Tenant), overview.CountsOf(read.Tenant), overview.QueueOf(read.Tenant))));
        Receive<SearchConversations>(search => Sender.Tell(new ConversationMatches(overview.Search(search.Tenant, search.Text, search.Limit))));
        Receive<SourceReady>(ready => Run(ready.Source));
        Receive<StreamStarted>(_ => Sender.Tell(Applied.Instance));
        Receive<Batch>(batch =>
        {
            foreach (var envelope in batch.Envelopes)
            {
                overview.Apply(((Sequence)envelope.Offset).Value, envelope.PersistenceId, envelope.Event);
            }

            Sender.Tell(Applied.Instance);
        });
        Receive<StreamStopped>(stopped =>
        {
            log.Warning("The conversation overview stopped following the journal at offset {0} ({1}); following it again shortly", overview.Offset, stopped.Cause?.Message ?? "completed");
            stream = null;
            Timers.StartSingleTimer(nameof(FollowAgain), FollowAgain.Instance, followAgainAfter);
        });
        Receive<FollowAgain>(_ => Follow());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="followAgainAfter">How long to wait before following the journal again after its stream stopped.</param>
    public static Props Props(JournalEventSource events, TimeSpan followAgainAfter) =>
        Akka.Actor.Props.Create(() => new ConversationOverviewActor(events, followAgainAfter));

    protected override void PreStart() => Follow();

    protected override void PostStop() => stream?.Shutdown();

    /// <summary>The source is made off the actor's thread: the SQL read journal may block seconds while the journal starts.</summary>
    private void Follow()
    {
        var after = overview.Offset;
        Task.Run(() => events(after)).PipeTo(Self, success: source => new SourceReady(source), failure: e => new StreamStopped(e));
    }

    private void Run(Source<EventEnvelope, NotUsed> source)
    {
        stream = source
            .GroupedWithin(BatchSize, BatchWindow)
            .Select(envelopes => new Batch([.. envelopes]))
            .ViaMaterialized(KillSwitches.Single<Batch>(), Keep.Right)
            .To(Sink.ActorRefWithAck<Batch>(Self, StreamStarted.Instance, Applied.Instance, new StreamStopped(null), e => new StreamStopped(e)))
            .Run(materializer);
    }

    private sealed record SourceReady(Source<EventEnvelope, NotUsed> Source) : INoSerializationVerificationNeeded;

    private sealed record Batch(IReadOnlyList<EventEnvelope> Envelopes) : INoSerializationVerificationNeeded;

    private sealed record StreamStopped(Exception? Cause) : INoSerializationVerificationNeeded;

    private sealed class StreamStarted : INoSerializationVerificationNeeded
    {
        public static readonly StreamStarted Instance = new();
    }

    private sealed class Applied : INoSerializationVerificationNeeded
    {
        public static readonly Applied Instance = new();
    }

    private sealed class FollowAgain : INoSerializationVerificationNeeded
    {
        public static readonly FollowAgain Instance = new();
    }
}
