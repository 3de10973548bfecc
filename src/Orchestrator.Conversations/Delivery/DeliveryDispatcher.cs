using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Persistence;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;
using static Orchestrator.Conversations.Delivery.DeliveryReplies;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// The cluster singleton that follows the journal of each tenant with a webhook (one tag stream per tenant) and
/// hands each of its conversations' deliveries the events it read (<see cref="DeliverEvents"/>), so a delivery that
/// keeps up sends them without reading the journal again. It records a tenant's journal offset only after the
/// deliveries acknowledged, so a crash re-dispatches a little, which is harmless (a delivery passes over events it
/// has), and never loses an event.
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
    private readonly Dictionary<string, long> dispatched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UniqueKillSwitch> streams = new(StringComparer.Ordinal);
    private DispatchOffsets recorded = DispatchOffsets.Empty;

    public DeliveryDispatcher(DeliveryRuntime runtime)
    {
        this.runtime = runtime;
        materializer = Context.Materializer(namePrefix: "delivery-dispatch");

        Recover<SnapshotOffer>(offer => recorded = recorded.Apply(offer.Snapshot));
        Recover<DispatchOffsetRecorded>(single => recorded = recorded.Apply(single));
        Recover<TenantDispatchOffsetRecorded>(tenant => recorded = recorded.Apply(tenant));
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var tenant in runtime.Subscriptions.Keys)
            {
                dispatched[tenant] = recorded.Of(tenant);
                Follow(tenant);
            }
        });

        Command<BatchDispatched>(OnBatch);
        Command<StreamStopped>(stopped =>
        {
            log.Warning("Delivery dispatch of tenant {0} stopped at offset {1} ({2}); following its journal again shortly", stopped.Tenant, dispatched[stopped.Tenant], stopped.Cause?.Message ?? "completed");
            streams.Remove(stopped.Tenant);
            Timers.StartSingleTimer($"follow:{stopped.Tenant}", new FollowAgain(stopped.Tenant), runtime.Options.MinBackoff < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : runtime.Options.MinBackoff);
        });
        Command<FollowAgain>(again => Follow(again.Tenant));
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
        foreach (var stream in streams.Values)
        {
            stream.Shutdown();
        }

        base.PostStop();
    }

    /// <summary>The tenant's events by its tag, from where its dispatch got to: other tenants' events cost nothing.</summary>
    private void Follow(string tenant)
    {
        if (streams.ContainsKey(tenant))
        {
            return;
        }

        var self = Self;
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var (killSwitch, done) = journal.EventsByTag(JournalTags.Tenant(tenant), Offset.Sequence(dispatched[tenant]))
            .Select(envelope => new JournalEvent(((Sequence)envelope.Offset).Value, ConversationId.FromPersistenceId(envelope.PersistenceId), (ConversationEvents.Event)envelope.Event))
            .GroupedWithin(runtime.Options.DispatchBatch, BatchWindow)
            .SelectAsync(Parallelism, batch => DispatchAsync(tenant, batch.ToList()))
            .ViaMaterialized(KillSwitches.Single<BatchDispatched>(), Keep.Right)
            .ToMaterialized(Sink.ForEach<BatchDispatched>(batch => self.Tell(batch)), Keep.Both)
            .Run(materializer);
        streams[tenant] = killSwitch;
        done.PipeTo(self, success: () => new StreamStopped(tenant, null), failure: e => new StreamStopped(tenant, e));
    }

    /// <summary>Each conversation's events of the batch, in the order read (its seq order), to its delivery.</summary>
    private async Task<BatchDispatched> DispatchAsync(string tenant, IReadOnlyList<JournalEvent> batch)
    {
        var work = batch.GroupBy(p => p.Conversation)
            .Select(g => new DeliverEvents(g.Key, g.Max(p => p.Event.Seq), [.. g.Select(p => p.Event)]))
            .ToList();
        await Task.WhenAll(work.Select(deliver => runtime.Deliveries.Ask<DeliveryAcknowledged>(deliver, AskTimeout)));
        return new BatchDispatched(tenant, batch[^1].Offset);
    }

    private void OnBatch(BatchDispatched batch)
    {
        dispatched[batch.Tenant] = Math.Max(dispatched[batch.Tenant], batch.Offset);
        Persist(new TenantDispatchOffsetRecorded(batch.Tenant, dispatched[batch.Tenant]), offset =>
        {
            recorded = recorded.Apply(offset);
            if (LastSequenceNr % SnapshotEvery == 0)
            {
                SaveSnapshot(recorded);
            }
        });
    }

    private readonly record struct JournalEvent(long Offset, ConversationId Conversation, ConversationEvents.Event Event);

    private sealed record BatchDispatched(string Tenant, long Offset) : INoSerializationVerificationNeeded;

    private sealed record StreamStopped(string Tenant, Exception? Cause) : INoSerializationVerificationNeeded;

    private sealed record FollowAgain(string Tenant) : INoSerializationVerificationNeeded;
}
