using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using Orchestrator.Conversations.Telemetry;
using static Orchestrator.Conversations.Quarantine.PushQuarantineMessages;

namespace Orchestrator.Conversations.Quarantine;

/// <summary>One tenant's push quarantine: persists what it is given, lists it, and leaves memory when idle.</summary>
public sealed class PushQuarantineActor : ReceivePersistentActor
{
    private const int SnapshotEvery = 100;

    private readonly string entityId;
    private readonly TimeProvider time;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private PushQuarantineState state = new();

    public PushQuarantineActor(string entityId, TimeProvider time, TimeSpan passivateAfter)
    {
        this.entityId = entityId;
        this.time = time;

        Recover<SnapshotOffer>(offer => state = (PushQuarantineState)offer.Snapshot);
        Recover<Event>(e => state = state.Apply(e));

        Command<QuarantinePush>(command =>
        {
            var replyTo = Sender;
            var (kept, id) = state.Decide(command, time.GetUtcNow());
            if (kept is null)
            {
                replyTo.Tell(new PushKept(id));
                return;
            }

            Persist(kept, e =>
            {
                state = state.Apply(e);
                OrchestratorMetrics.PushQuarantined(command.Tenant);
                log.Warning("Push to {0} named no conversation and was quarantined as {1}: {2}", command.Tenant, id, command.Reason);
                replyTo.Tell(new PushKept(id));
                if (LastSequenceNr % SnapshotEvery == 0)
                {
                    SaveSnapshot(state);
                }
            });
        });
        Command<ListQuarantine>(list => Sender.Tell(new QuarantinePage(state.Page(list.After, list.Limit))));
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => log.Warning("Snapshot of the push quarantine of {0} failed: {1}", entityId, failed.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
        Command<ReceiveTimeout>(_ => Context.Parent.Tell(new Passivate(PoisonPill.Instance)));
        Context.SetReceiveTimeout(passivateAfter);
    }

    public override string PersistenceId => $"push-quarantine/{entityId}";

    public static Props Props(string entityId, TimeProvider time, TimeSpan passivateAfter) =>
        Akka.Actor.Props.Create(() => new PushQuarantineActor(entityId, time, passivateAfter));
}
