using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;
using static Orchestrator.Conversations.Delivery.DeliveryEvents;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// One conversation's webhook delivery. Its <see cref="DeliveryPump"/> decides what to read, send, retry, dead-letter,
/// persist and answer; this actor persists, runs those effects (journal reads, POSTs, timers, the dead-letter index)
/// and hands their outcomes back. Retries wait on timers, so a slow receiver holds up only this conversation. It
/// stays in memory (and, remembered by its region, restarts after a crash) until it has caught up.
/// </summary>
public sealed class DeliveryActor : ReceivePersistentActor, IWithTimers
{
    private const string RetryTimer = "retry";
    private const string ReadAgainTimer = "read-again";
    private static readonly TimeSpan IndexAskTimeout = TimeSpan.FromSeconds(10);

    private readonly ConversationId conversation;
    private readonly DeliveryRuntime runtime;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly CancellationTokenSource stopping = new();
    private DeliveryPump pump;
    private long lastSnapshotSeq;

    public DeliveryActor(ConversationId conversation, DeliveryRuntime runtime)
    {
        this.conversation = conversation;
        this.runtime = runtime;
        pump = DeliveryPump.Recovering(runtime.Options, runtime.IncludesInternal(conversation.Tenant));

        Recover<SnapshotOffer>(offer =>
        {
            pump = pump.Restored((DeliveryState)offer.Snapshot);
            lastSnapshotSeq = offer.Metadata.SequenceNr;
        });
        Recover<Event>(e => pump = pump.Recovered(e));
        Recover<RecoveryCompleted>(_ => Started());

        Command<Recorded>(OnRecorded);
        Command<Deliver>(deliver => Run(pump.Deliver(deliver)));
        Command<DeliverEvents>(deliver => Run(pump.Deliver(deliver)));
        Command<ReplayDeadLetter>(replay => Run(pump.Replay(replay)));
        Command<GetDeliveryState>(_ => Run(pump.Status()));
        Command<PageRead>(page => Run(pump.PageRead(page.After, page.Entries, page.Failure)));
        Command<Attempted>(a => Run(pump.Attempted(a.Seq, a.Attempt, a.Response, runtime.Time.GetUtcNow(), Random.Shared.NextDouble())));
        Command<RetryNow>(_ => Run(pump.RetryNow()));
        Command<ReadAgain>(_ => Run(pump.ReadAgain()));
        Command<ReplayAttempted>(a => Run(pump.ReplayAttempted(a.Seq, a.Response, runtime.Time.GetUtcNow())));
        Command<DeadLetterIndexMessages.DeadLetterRecorded>(recorded => Run(pump.IndexConfirmed(recorded.Seq)));
        Command<IndexAgain>(again => Run(pump.IndexFailed(again.Seq)));
        Command<IndexNow>(now => Run(pump.IndexNow(now.Seq)));
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => log.Warning("Snapshot of delivery {0} failed: {1}", conversation, failed.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
        Command<ReceiveTimeout>(_ => PassivateIfCaughtUp());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public override string PersistenceId => $"delivery/{conversation.EntityId}";

    public static Props Props(ConversationId conversation, DeliveryRuntime runtime) =>
        Akka.Actor.Props.Create(() => new DeliveryActor(conversation, runtime));

    protected override void PostStop()
    {
        stopping.Cancel();
        stopping.Dispose();
        base.PostStop();
    }

    private void Started()
    {
        Context.SetReceiveTimeout(runtime.Options.PassivateAfter);
        Run(pump.Start());
    }

    /// <summary>
    /// Runs what the pump decided. Writes go behind (<c>PersistAllAsync</c>: commands are not held up meanwhile, so the
    /// next event is sent while an acknowledgement is written); each persisted event comes back as a message, so every
    /// write is issued from a command, never from a persist handler. The reply goes once all are persisted.
    /// </summary>
    private void Run(DeliveryStep step)
    {
        var replyTo = Sender;
        pump = step.Pump;
        foreach (var effect in step.Effects)
        {
            Run(effect);
        }

        if (step.Persist.IsEmpty)
        {
            Reply(replyTo, step);
            return;
        }

        var last = step.Persist[^1];
        PersistAllAsync(step.Persist, persisted =>
        {
            Self.Tell(new Recorded(persisted, LastSequenceNr));
            if (ReferenceEquals(persisted, last))
            {
                Reply(replyTo, step);
            }
        });
    }

    private void OnRecorded(Recorded recorded)
    {
        if (recorded.Event is EventDeadLettered dead)
        {
            log.Warning("Delivery {0} gave up on event {1}: {2}", conversation, dead.Seq, dead.Reason);
        }

        var next = pump.Persisted(recorded.Event);
        // The state holds every event up to this one; a snapshot is labelled with the last persisted one, so it is
        // taken only when no later write has come back yet.
        if (recorded.SequenceNr == LastSequenceNr)
        {
            SnapshotIfDue(next.Pump.State);
        }

        Run(next);
    }

    private static void Reply(IActorRef replyTo, DeliveryStep step)
    {
        if (step.Reply is { } reply)
        {
            replyTo.Tell(reply);
        }
    }

    private void Run(DeliveryEffect effect)
    {
        switch (effect)
        {
            case DeliveryEffect.ReadPage read:
                runtime.Feed.ReadAsync(conversation, read.After, read.Limit, TimeSpan.Zero, stopping.Token)
                    .PipeTo(Self, success: page => new PageRead(read.After, page.Entries, null), failure: e => new PageRead(read.After, [], e.Message));
                break;
            case DeliveryEffect.ReadAgainIn again:
                log.Warning("Delivery {0} could not read events after {1} (known up to {2}): {3}", conversation, again.After, pump.State.KnownUpTo, again.Failure);
                Timers.StartSingleTimer(ReadAgainTimer, ReadAgain.Instance, again.Delay);
                break;
            case DeliveryEffect.Send send:
                runtime.Sender.SendAsync(conversation, send.Entry, stopping.Token)
                    .PipeTo(Self, success: response => new Attempted(send.Entry.Seq, send.Attempt, response), failure: e => new Attempted(send.Entry.Seq, send.Attempt, new WebhookResponse(null, null, e.Message)));
                break;
            case DeliveryEffect.RetryIn retry:
                log.Info("Delivery {0} of event {1} failed ({2}, attempt {3}); retrying in {4}", conversation, retry.Seq, retry.Response, retry.Attempt, retry.Delay);
                Timers.StartSingleTimer(RetryTimer, RetryNow.Instance, retry.Delay);
                break;
            case DeliveryEffect.SendReplay replay:
                ReplayAsync(replay.Seq).PipeTo(Self, success: r => new ReplayAttempted(replay.Seq, r), failure: e => new ReplayAttempted(replay.Seq, new WebhookResponse(null, null, e.Message)));
                break;
            case DeliveryEffect.ReplayNotAcknowledged refused:
                log.Warning("Replay of event {0} of {1} was not acknowledged ({2}); it stays dead-lettered.", refused.Seq, conversation, refused.Response);
                break;
            case DeliveryEffect.IndexDeadLetter index:
                var seq = index.DeadLetter.Seq;
                runtime.DeadLetterIndex.Ask<DeadLetterIndexMessages.DeadLetterRecorded>(new DeadLetterIndexMessages.RecordDeadLetter(conversation.Tenant, conversation, index.DeadLetter), IndexAskTimeout)
                    .PipeTo(Self, success: recorded => recorded, failure: _ => new IndexAgain(seq));
                break;
            case DeliveryEffect.IndexAgainIn again:
                Timers.StartSingleTimer($"index-{again.Seq}", new IndexNow(again.Seq), again.Delay);
                break;
            case DeliveryEffect.ClearIndexedDeadLetter clear:
                runtime.DeadLetterIndex.Tell(new DeadLetterIndexMessages.ClearDeadLetter(conversation.Tenant, conversation, clear.Seq));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect.GetType().Name, "Unknown delivery effect.");
        }
    }

    private async Task<WebhookResponse> ReplayAsync(long seq)
    {
        var page = await runtime.Feed.ReadAsync(conversation, seq - 1, 1, TimeSpan.Zero, stopping.Token);
        return page.Entries.FirstOrDefault(e => e.Seq == seq) is { } entry
            ? await runtime.Sender.SendAsync(conversation, entry, stopping.Token)
            : new WebhookResponse(null, null, $"Event {seq} is not in the journal.");
    }

    private void SnapshotIfDue(DeliveryState state)
    {
        if (LastSequenceNr - lastSnapshotSeq >= runtime.Options.SnapshotEvery)
        {
            lastSnapshotSeq = LastSequenceNr;
            SaveSnapshot(state);
        }
    }

    private void PassivateIfCaughtUp()
    {
        // Passivating also un-remembers the entity, so only one with nothing left to do may go.
        if (pump.MayPassivate)
        {
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        }
    }

    private sealed record Recorded(Event Event, long SequenceNr) : INoSerializationVerificationNeeded;

    private sealed record PageRead(long After, IReadOnlyList<FeedEntry> Entries, string? Failure) : INoSerializationVerificationNeeded;

    private sealed record Attempted(long Seq, int Attempt, WebhookResponse Response) : INoSerializationVerificationNeeded;

    private sealed record ReplayAttempted(long Seq, WebhookResponse Response) : INoSerializationVerificationNeeded;

    private sealed record IndexAgain(long Seq) : INoSerializationVerificationNeeded;

    private sealed record IndexNow(long Seq) : INoSerializationVerificationNeeded;

    private sealed class RetryNow : INoSerializationVerificationNeeded
    {
        public static readonly RetryNow Instance = new();
    }

    private sealed class ReadAgain : INoSerializationVerificationNeeded
    {
        public static readonly ReadAgain Instance = new();
    }
}
