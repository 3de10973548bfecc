using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;
using static Orchestrator.Conversations.Delivery.DeliveryEvents;
using static Orchestrator.Conversations.Delivery.DeliveryReplies;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// One conversation's webhook delivery. It reads the conversation's events from the journal after its cursor and
/// POSTs them one at a time: event n+1 goes only once n is acknowledged or dead-lettered. Retries wait on timers,
/// so a slow receiver holds up only this conversation. It stays in memory (and, remembered by its region, restarts
/// after a crash) until it has caught up.
/// </summary>
public sealed class DeliveryActor : ReceivePersistentActor, IWithTimers
{
    private const int PageSize = 100;
    private const string RetryTimer = "retry";
    private static readonly TimeSpan IndexAskTimeout = TimeSpan.FromSeconds(10);

    private readonly ConversationId conversation;
    private readonly DeliveryRuntime runtime;
    private readonly bool includeInternal;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly CancellationTokenSource stopping = new();
    private readonly Queue<FeedEntry> read = new();
    private readonly HashSet<long> unindexed = [];
    private readonly HashSet<long> replaying = [];
    private DeliveryState state = DeliveryState.Initial;
    private bool recovered;
    private bool reading;
    private FeedEntry? current;
    private int attempt;

    /// <summary>Highest seq handled, skipped internal events included; ahead of the persisted cursor until the next event is.</summary>
    private long position;

    private long lastSnapshotSeq;

    public DeliveryActor(ConversationId conversation, DeliveryRuntime runtime)
    {
        this.conversation = conversation;
        this.runtime = runtime;
        includeInternal = runtime.IncludesInternal(conversation.Tenant);

        Recover<SnapshotOffer>(offer =>
        {
            state = (DeliveryState)offer.Snapshot;
            lastSnapshotSeq = offer.Metadata.SequenceNr;
        });
        Recover<Event>(e => state = state.Apply(e));
        Recover<RecoveryCompleted>(_ => Started());

        Command<Deliver>(OnDeliver);
        Command<ReplayDeadLetter>(OnReplay);
        Command<GetDeliveryState>(_ => Sender.Tell(new DeliveryStatus(state)));
        Command<PageRead>(OnPageRead);
        Command<Attempted>(a => current is not null && a.Seq == current.Seq && a.Attempt == attempt, OnAttempted);
        Command<RetryNow>(_ => current is not null, _ => Attempt());
        Command<ReplayAttempted>(OnReplayAttempted);
        Command<DeadLetterIndexMessages.DeadLetterRecorded>(recorded => unindexed.Remove(recorded.Seq));
        Command<IndexAgain>(again => Timers.StartSingleTimer($"index-{again.Seq}", new IndexNow(again.Seq), runtime.Options.MinBackoff));
        Command<IndexNow>(now => Index(now.Seq));
        Command<ReadAgain>(_ => Pump());
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
        recovered = true;
        position = state.Cursor;

        // The index may have missed a dead letter if the node went down just after it was persisted; it ignores repeats.
        foreach (var dead in state.DeadLetters)
        {
            Index(dead.Seq);
        }

        Context.SetReceiveTimeout(runtime.Options.PassivateAfter);
        Pump();
    }

    private void OnDeliver(Deliver deliver)
    {
        var replyTo = Sender;
        var events = DeliveryDecider.Decide(state, deliver);
        if (events.Count == 0)
        {
            replyTo.Tell(new DeliveryAcknowledged(conversation, deliver.UpToSeq));
            return;
        }

        PersistAll(events, e =>
        {
            Applied(e);
            replyTo.Tell(new DeliveryAcknowledged(conversation, deliver.UpToSeq));
            Pump();
        });
    }

    /// <summary>Moves on: the next read event, or a read of the next page, or (caught up) records skipped events.</summary>
    private void Pump()
    {
        if (!recovered || reading || current is not null)
        {
            return;
        }

        while (read.TryDequeue(out var next))
        {
            if (next.Seq <= position)
            {
                continue;
            }

            if (next.Internal && !includeInternal)
            {
                position = next.Seq;
                continue;
            }

            current = next;
            attempt = 0;
            Attempt();
            return;
        }

        if (position < state.KnownUpTo)
        {
            reading = true;
            var after = position;
            runtime.Feed.ReadAsync(conversation, after, PageSize, TimeSpan.Zero, stopping.Token)
                .PipeTo(Self, success: page => new PageRead(after, page.Entries, null), failure: e => new PageRead(after, [], e.Message));
            return;
        }

        if (position > state.Cursor)
        {
            // Only internal events were left: one event records them all.
            Persist(new EventsSkipped(position), Applied);
        }
    }

    private void OnPageRead(PageRead page)
    {
        reading = false;
        if (page.Entries.Count == 0)
        {
            // Deliver comes only for events already in the journal, so this is a failed read: try again shortly.
            log.Warning("Delivery {0} could not read events after {1} (known up to {2}): {3}", conversation, page.After, state.KnownUpTo, page.Failure ?? "none found");
            Timers.StartSingleTimer("read-again", ReadAgain.Instance, runtime.Options.MinBackoff);
            return;
        }

        foreach (var entry in page.Entries)
        {
            read.Enqueue(entry);
        }

        Pump();
    }

    private void Attempt()
    {
        var entry = current!;
        var number = ++attempt;
        runtime.Sender.SendAsync(conversation, entry, stopping.Token)
            .PipeTo(Self, success: response => new Attempted(entry.Seq, number, response), failure: e => new Attempted(entry.Seq, number, new WebhookResponse(null, null, e.Message)));
    }

    private void OnAttempted(Attempted attempted)
    {
        var verdict = DeliveryDecider.Judge(attempted.Seq, attempted.Attempt, attempted.Response, runtime.Options, runtime.Time.GetUtcNow(), Random.Shared.NextDouble());
        switch (verdict)
        {
            case AttemptVerdict.Delivered delivered:
                Persist(delivered.Event, e =>
                {
                    Applied(e);
                    Handled(e.Seq);
                });
                break;
            case AttemptVerdict.DeadLettered dead:
                log.Warning("Delivery {0} gave up on event {1}: {2}", conversation, dead.Event.Seq, dead.Event.Reason);
                Persist(dead.Event, e =>
                {
                    Applied(e);
                    Index(e.Seq);
                    Handled(e.Seq);
                });
                break;
            case AttemptVerdict.RetryIn retry:
                log.Info("Delivery {0} of event {1} failed ({2}, attempt {3}); retrying in {4}", conversation, attempted.Seq, attempted.Response, attempted.Attempt, retry.Delay);
                Timers.StartSingleTimer(RetryTimer, RetryNow.Instance, retry.Delay);
                break;
        }
    }

    private void Handled(long seq)
    {
        position = Math.Max(position, seq);
        current = null;
        Pump();
    }

    private void OnReplay(ReplayDeadLetter replay)
    {
        if (state.DeadLetterOf(replay.Seq) is null)
        {
            Sender.Tell(new NotDeadLettered(conversation, replay.Seq));
            return;
        }

        Sender.Tell(new ReplayStarted(conversation, replay.Seq));
        if (replaying.Add(replay.Seq))
        {
            ReplayAsync(replay.Seq).PipeTo(Self, success: r => new ReplayAttempted(replay.Seq, r), failure: e => new ReplayAttempted(replay.Seq, new WebhookResponse(null, null, e.Message)));
        }
    }

    private async Task<WebhookResponse> ReplayAsync(long seq)
    {
        var page = await runtime.Feed.ReadAsync(conversation, seq - 1, 1, TimeSpan.Zero, stopping.Token);
        return page.Entries.FirstOrDefault(e => e.Seq == seq) is { } entry
            ? await runtime.Sender.SendAsync(conversation, entry, stopping.Token)
            : new WebhookResponse(null, null, $"Event {seq} is not in the journal.");
    }

    private void OnReplayAttempted(ReplayAttempted attempted)
    {
        replaying.Remove(attempted.Seq);
        if (DeliveryDecider.JudgeReplay(state, attempted.Seq, attempted.Response, runtime.Time.GetUtcNow()) is not { } replayed)
        {
            log.Warning("Replay of event {0} of {1} was not acknowledged ({2}); it stays dead-lettered.", attempted.Seq, conversation, attempted.Response);
            return;
        }

        Persist(replayed, e =>
        {
            Applied(e);
            unindexed.Remove(attempted.Seq);
            runtime.DeadLetterIndex.Tell(new DeadLetterIndexMessages.ClearDeadLetter(conversation.Tenant, conversation, attempted.Seq));
        });
    }

    /// <summary>Tells the tenant's index of a dead letter until it confirms, so the list the platform sees is complete.</summary>
    private void Index(long seq)
    {
        if (state.DeadLetterOf(seq) is not { } dead)
        {
            return;
        }

        unindexed.Add(seq);
        runtime.DeadLetterIndex.Ask<DeadLetterIndexMessages.DeadLetterRecorded>(new DeadLetterIndexMessages.RecordDeadLetter(conversation.Tenant, conversation, dead), IndexAskTimeout)
            .PipeTo(Self, success: recorded => recorded, failure: _ => new IndexAgain(seq));
    }

    private void Applied(Event e)
    {
        state = state.Apply(e);
        if (LastSequenceNr - lastSnapshotSeq >= runtime.Options.SnapshotEvery)
        {
            lastSnapshotSeq = LastSequenceNr;
            SaveSnapshot(state);
        }
    }

    private void PassivateIfCaughtUp()
    {
        // Passivating also un-remembers the entity, so only one with nothing left to do may go.
        if (state.CaughtUp && position >= state.KnownUpTo && current is null && !reading && unindexed.Count == 0 && replaying.Count == 0)
        {
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        }
    }

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
