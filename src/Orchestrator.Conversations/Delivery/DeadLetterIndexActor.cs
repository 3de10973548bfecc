using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using static Orchestrator.Conversations.Delivery.DeadLetterIndexMessages;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;
using static Orchestrator.Conversations.Delivery.DeliveryReplies;

namespace Orchestrator.Conversations.Delivery;

/// <summary>One tenant's dead letters: listed for the platform, and replayed through their delivery entity.</summary>
public sealed class DeadLetterIndexActor : ReceivePersistentActor
{
    private static readonly TimeSpan ReplayAskTimeout = TimeSpan.FromSeconds(10);

    private readonly string entityId;
    private readonly DeliveryRuntime runtime;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private DeadLetterIndexState state = new();
    private long lastSnapshotSeq;

    public DeadLetterIndexActor(string entityId, DeliveryRuntime runtime)
    {
        this.entityId = entityId;
        this.runtime = runtime;

        Recover<SnapshotOffer>(offer =>
        {
            state = (DeadLetterIndexState)offer.Snapshot;
            lastSnapshotSeq = offer.Metadata.SequenceNr;
        });
        Recover<Event>(e => state = state.Apply(e));

        Command<RecordDeadLetter>(record =>
        {
            var replyTo = Sender;
            var answer = new DeadLetterRecorded(record.Conversation, record.DeadLetter.Seq);
            if (state.Decide(record) is { } indexed)
            {
                Persist(indexed, e =>
                {
                    Applied(e);
                    replyTo.Tell(answer);
                });
            }
            else
            {
                replyTo.Tell(answer);
            }
        });
        Command<ClearDeadLetter>(clear =>
        {
            if (state.Find(clear.Conversation, clear.Seq) is { } entry)
            {
                Persist(new DeadLetterCleared(entry.Id), Applied);
            }
        });
        Command<ListDeadLetters>(list => Sender.Tell(new DeadLetterPage(state.Page(list.After, list.Limit))));
        Command<ReplayIndexedDeadLetter>(replay =>
        {
            if (state.Find(replay.Id) is not { } entry)
            {
                Sender.Tell(new DeadLetterUnknown(replay.Id));
                return;
            }

            var replyTo = Sender;
            runtime.Deliveries.Ask<Reply>(new ReplayDeadLetter(entry.Conversation, entry.Seq), ReplayAskTimeout)
                .PipeTo(Self, success: reply => new ReplayAnswered(entry.Id, reply, replyTo), failure: e => new ReplayAnswered(entry.Id, null, replyTo, e.Message));
        });
        Command<ReplayAnswered>(answered =>
        {
            switch (answered.Reply)
            {
                case ReplayStarted started:
                    answered.ReplyTo.Tell(started);
                    break;
                case NotDeadLettered:
                    // The delivery already replayed it and the clearing was lost: tidy up and say so.
                    Persist(new DeadLetterCleared(answered.Id), Applied);
                    answered.ReplyTo.Tell(new DeadLetterUnknown(answered.Id));
                    break;
                default:
                    log.Warning("Replay of dead letter {0} of {1} got no answer: {2}", answered.Id, entityId, answered.Failure);
                    answered.ReplyTo.Tell(new Status.Failure(new TimeoutException($"The delivery of dead letter {answered.Id} did not answer.")));
                    break;
            }
        });
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => log.Warning("Snapshot of dead letters of {0} failed: {1}", entityId, failed.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
        Command<ReceiveTimeout>(_ => Context.Parent.Tell(new Passivate(PoisonPill.Instance)));
        Context.SetReceiveTimeout(runtime.Options.PassivateAfter);
    }

    public override string PersistenceId => $"delivery-dead-letters/{entityId}";

    public static Props Props(string entityId, DeliveryRuntime runtime) => Akka.Actor.Props.Create(() => new DeadLetterIndexActor(entityId, runtime));

    private void Applied(Event e)
    {
        state = state.Apply(e);
        if (LastSequenceNr - lastSnapshotSeq >= runtime.Options.SnapshotEvery)
        {
            lastSnapshotSeq = LastSequenceNr;
            SaveSnapshot(state);
        }
    }

    private sealed record ReplayAnswered(long Id, Reply? Reply, IActorRef ReplyTo, string? Failure = null) : INoSerializationVerificationNeeded;
}
