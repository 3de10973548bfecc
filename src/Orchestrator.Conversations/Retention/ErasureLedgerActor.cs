using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using static Orchestrator.Conversations.Retention.ErasureLedgerMessages;

namespace Orchestrator.Conversations.Retention;

/// <summary>
/// One tenant's erasure ledger: persists each erasure, logs it and lists them. An entry is a few hundred bytes and
/// erasures are rare, so it recovers from its events without snapshots.
/// </summary>
public sealed class ErasureLedgerActor : UntypedPersistentActor
{
    private readonly string entityId;
    private readonly TimeProvider time;
    private ErasureLedgerState state = new();

    public ErasureLedgerActor(string entityId, TimeProvider time, TimeSpan passivateAfter)
    {
        this.entityId = entityId;
        this.time = time;
        Context.SetReceiveTimeout(passivateAfter);
    }

    public override string PersistenceId => $"erasure-ledger/{entityId}";

    public static Props Props(string entityId, TimeProvider time, TimeSpan passivateAfter) =>
        Akka.Actor.Props.Create(() => new ErasureLedgerActor(entityId, time, passivateAfter));

    protected override void OnRecover(object message)
    {
        if (message is ConversationDataErased erased)
        {
            state = state.Apply(erased);
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case RecordErasure record:
                Persist(state.Decide(record, time.GetUtcNow()), erased =>
                {
                    state = state.Apply(erased);
                    Log.Info(
                        "Erasure {0} of tenant {1} recorded: customer sha256 {2}, {3}, {4} events and {5} snapshots deleted, issued by {6}",
                        [erased.Id, erased.Tenant, erased.CustomerTokenSha256, erased.Reason, erased.EventsDeleted, erased.SnapshotsDeleted, erased.IssuedBy ?? "retention"]);
                    Sender.Tell(new ErasureRecorded(erased));
                });
                break;
            case ListErasures list:
                Sender.Tell(new ErasurePage(state.Between(list.From, list.To, list.Limit)));
                break;
            case ReceiveTimeout:
                Context.Parent.Tell(new Passivate(PoisonPill.Instance));
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}

/// <summary>Routes ledger commands to the entity of their tenant.</summary>
public sealed class ErasureLedgerMessageExtractor(int maxShards) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => (message as Command)?.EntityId;
}

/// <summary>ActorRegistry key of the erasure ledger shard region.</summary>
public sealed class ErasureLedgerRegion;
