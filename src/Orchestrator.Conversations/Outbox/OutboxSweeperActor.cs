using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Telemetry;
using static Orchestrator.Conversations.Domain.ConversationCommands;

namespace Orchestrator.Conversations.Outbox;

/// <summary>
/// Wakes conversations whose outbox calls have waited longer than a sweep interval. A conversation retries its own
/// calls while it runs; but after a crash nothing wakes a conversation nobody writes to, and its accepted messages
/// would wait forever. A cluster singleton: it follows the journal's outbox events (tagged
/// <see cref="JournalTags.Outbox"/>, from its snapshotted offset) into an <see cref="OutboxLedger"/> and, every
/// interval, wakes each overdue conversation (<see cref="WakeOutbox"/>), which starts it and moves its outbox head
/// again if nothing is making it. What the ledger holds is also the outbox's
/// metrics (depth and oldest call, per tenant).
/// </summary>
public sealed class OutboxSweeperActor : ReceivePersistentActor, IWithTimers
{
    public const string SingletonName = "outbox-sweeper";
    private const string SweepTimer = "sweep";

    private readonly IActorRef conversations;
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly string node = NodeAddress.Of(Context.System);
    private OutboxLedger ledger = OutboxLedger.Empty;
    private long snapshotOffset;

    public OutboxSweeperActor(IActorRef conversations, TimeSpan interval, TimeProvider time)
    {
        this.conversations = conversations;
        this.interval = interval;
        this.time = time;

        Recover<SnapshotOffer>(offer =>
        {
            ledger = (OutboxLedger)offer.Snapshot;
            snapshotOffset = ledger.Offset;
        });
        Recover<RecoveryCompleted>(_ => FollowJournal());

        Command<StreamStarted>(_ => Sender.Tell(StreamAck.Instance));
        Command<EventEnvelope>(envelope =>
        {
            ledger = ledger.Apply(((Sequence)envelope.Offset).Value, envelope.PersistenceId, envelope.Event);
            Sender.Tell(StreamAck.Instance);
        });
        Command<StreamFailed>(failed => throw new InvalidOperationException("The journal stream of the outbox sweeper failed; restarting it.", failed.Cause));
        Command<StreamCompleted>(_ => throw new InvalidOperationException("The live journal stream of the outbox sweeper ended; restarting it."));
        Command<Sweep>(_ => SweepOverdue());
        Command<ConversationReplies.Reply>(_ => { });
        // It persists no events, so every snapshot has sequence number 0 and replaces the previous one.
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(_ => { });
    }

    public override string PersistenceId => SingletonName;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef conversations, TimeSpan interval, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new OutboxSweeperActor(conversations, interval, time));

    protected override void PreStart()
    {
        OrchestratorMetrics.Singletons.Set(node, SingletonName, 1);
        base.PreStart();
    }

    protected override void PostStop()
    {
        OrchestratorMetrics.Singletons.Remove(node, SingletonName);
        OrchestratorMetrics.OutboxDepth.RemoveNode(node);
        OrchestratorMetrics.OutboxOldestAge.RemoveNode(node);
        base.PostStop();
    }

    private void FollowJournal()
    {
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        // Only the outbox's events, by their kind tag; the offset is the journal's global ordering either way, so a
        // snapshot taken while the sweeper read every event resumes here.
        journal.EventsByTag(JournalTags.Outbox, Offset.Sequence(ledger.Offset))
            .RunWith(Sink.ActorRefWithAck<EventEnvelope>(Self, StreamStarted.Instance, StreamAck.Instance, StreamCompleted.Instance, e => new StreamFailed(e)), Context.Materializer());
        Timers.StartPeriodicTimer(SweepTimer, Sweep.Instance, interval);
    }

    private void SweepOverdue()
    {
        var now = time.GetUtcNow();
        foreach (var conversation in ledger.Overdue(now - interval))
        {
            conversations.Tell(new WakeOutbox(conversation));
        }

        ReportOutbox(now);

        if (ledger.Offset != snapshotOffset)
        {
            // The ledger is only a cache of the journal: a snapshot per sweep bounds what a restart re-reads.
            snapshotOffset = ledger.Offset;
            SaveSnapshot(ledger);
        }
    }

    private void ReportOutbox(DateTimeOffset now)
    {
        OrchestratorMetrics.OutboxDepth.RemoveNode(node);
        OrchestratorMetrics.OutboxOldestAge.RemoveNode(node);
        foreach (var tenant in ledger.ByTenant())
        {
            OrchestratorMetrics.OutboxDepth.Set(node, tenant.Tenant, tenant.Calls);
            OrchestratorMetrics.OutboxOldestAge.Set(node, tenant.Tenant, (now - tenant.OldestQueuedAt).TotalSeconds);
        }
    }

    private sealed class Sweep : INoSerializationVerificationNeeded
    {
        public static readonly Sweep Instance = new();
    }

    private sealed class StreamStarted : INoSerializationVerificationNeeded
    {
        public static readonly StreamStarted Instance = new();
    }

    private sealed class StreamAck : INoSerializationVerificationNeeded
    {
        public static readonly StreamAck Instance = new();
    }

    private sealed class StreamCompleted : INoSerializationVerificationNeeded
    {
        public static readonly StreamCompleted Instance = new();
    }

    private sealed record StreamFailed(Exception Cause) : INoSerializationVerificationNeeded;
}
