using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;
using static Orchestrator.Conversations.Delivery.DeliveryReplies;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// The cluster singleton that follows the whole journal and tells each conversation's delivery (of a tenant with a
/// webhook) how far its events go. It records its journal offset only after the deliveries acknowledged, so a crash
/// re-dispatches a little, which is harmless (<see cref="Deliver"/> is idempotent), and never loses an event.
/// </summary>
public sealed class DeliveryDispatcher : ReceivePersistentActor, IWithTimers
{
    public const string Id = "delivery-dispatcher";
    private const int Parallelism = 4;
    private const int SnapshotEvery = 100;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    private readonly DeliveryRuntime runtime;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly IMaterializer materializer;
    private long recordedOffset;
    private long dispatchedOffset;
    private UniqueKillSwitch? stream;

    public DeliveryDispatcher(DeliveryRuntime runtime)
    {
        this.runtime = runtime;
        materializer = Context.Materializer(namePrefix: "delivery-dispatch");

        Recover<SnapshotOffer>(offer => recordedOffset = ((DispatchOffsetRecorded)offer.Snapshot).Offset);
        Recover<DispatchOffsetRecorded>(recorded => recordedOffset = recorded.Offset);
        Recover<RecoveryCompleted>(_ =>
        {
            dispatchedOffset = recordedOffset;
            Follow();
        });

        Command<BatchDispatched>(OnBatch);
        Command<StreamStopped>(stopped =>
        {
            log.Warning("Delivery dispatch stopped at offset {0} ({1}); following the journal again shortly", dispatchedOffset, stopped.Cause?.Message ?? "completed");
            stream = null;
            Timers.StartSingleTimer("follow", FollowAgain.Instance, runtime.Options.MinBackoff < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : runtime.Options.MinBackoff);
        });
        Command<FollowAgain>(_ => Follow());
        Command<SaveSnapshotSuccess>(saved => DeleteMessages(saved.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(failed => log.Warning("Snapshot of the delivery dispatcher failed: {0}", failed.Cause.Message));
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public override string PersistenceId => Id;

    public static Props Props(DeliveryRuntime runtime) => Akka.Actor.Props.Create(() => new DeliveryDispatcher(runtime));

    protected override void PostStop()
    {
        stream?.Shutdown();
        base.PostStop();
    }

    private void Follow()
    {
        if (stream is not null)
        {
            return;
        }

        var self = Self;
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var (killSwitch, done) = journal.AllEvents(Offset.Sequence(dispatchedOffset))
            .Select(Dispatchable)
            .GroupedWithin(runtime.Options.DispatchBatch, BatchWindow)
            .SelectAsync(Parallelism, batch => DispatchAsync(batch.ToList()))
            .ViaMaterialized(KillSwitches.Single<BatchDispatched>(), Keep.Right)
            .ToMaterialized(Sink.ForEach<BatchDispatched>(batch => self.Tell(batch)), Keep.Both)
            .Run(materializer);
        stream = killSwitch;
        done.PipeTo(self, success: () => new StreamStopped(null), failure: e => new StreamStopped(e));
    }

    /// <summary>Every journal event, with its conversation if that conversation's tenant has a webhook.</summary>
    private JournalPosition Dispatchable(EventEnvelope envelope)
    {
        var offset = ((Sequence)envelope.Offset).Value;
        if (envelope.Event is ConversationEvents.Event e && envelope.PersistenceId.StartsWith(ConversationId.PersistenceIdPrefix, StringComparison.Ordinal))
        {
            var conversation = ConversationId.FromPersistenceId(envelope.PersistenceId);
            if (runtime.Subscriptions.ContainsKey(conversation.Tenant))
            {
                return new JournalPosition(offset, conversation, e.Seq);
            }
        }

        return new JournalPosition(offset, null, 0);
    }

    private async Task<BatchDispatched> DispatchAsync(IReadOnlyList<JournalPosition> batch)
    {
        var work = batch.Where(p => p.Conversation is not null)
            .GroupBy(p => p.Conversation!.Value)
            .Select(g => new Deliver(g.Key, g.Max(p => p.Seq)))
            .ToList();
        await Task.WhenAll(work.Select(deliver => runtime.Deliveries.Ask<DeliveryAcknowledged>(deliver, AskTimeout)));
        return new BatchDispatched(batch[^1].Offset, work.Count);
    }

    private void OnBatch(BatchDispatched batch)
    {
        dispatchedOffset = Math.Max(dispatchedOffset, batch.Offset);

        // Batches of other tenants' or our own bookkeeping events are recorded only now and then: recording is itself
        // a journal event, and recording each would feed the stream forever.
        if (batch.Deliveries == 0 && dispatchedOffset - recordedOffset < runtime.Options.DispatchBatch)
        {
            return;
        }

        Persist(new DispatchOffsetRecorded(dispatchedOffset), recorded =>
        {
            recordedOffset = recorded.Offset;
            if (LastSequenceNr % SnapshotEvery == 0)
            {
                SaveSnapshot(recorded);
            }
        });
    }

    private readonly record struct JournalPosition(long Offset, ConversationId? Conversation, long Seq);

    private sealed record BatchDispatched(long Offset, int Deliveries) : INoSerializationVerificationNeeded;

    private sealed record StreamStopped(Exception? Cause) : INoSerializationVerificationNeeded;

    private sealed class FollowAgain : INoSerializationVerificationNeeded
    {
        public static readonly FollowAgain Instance = new();
    }
}
