using System.Collections.Immutable;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;
using static Orchestrator.Conversations.Delivery.DeliveryEvents;
using static Orchestrator.Conversations.Delivery.DeliveryReplies;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// One conversation's read-and-send pump, pure and immutable (time and jitter are arguments): it reads the
/// conversation's events after what was delivered and sends them one at a time, event n+1 only once n is acknowledged
/// or dead-lettered. An acknowledgement is recorded behind the next send, one write at a time: those that arrive while
/// one is written are folded into the next <see cref="EventDelivered"/>. Each input returns a <see cref="DeliveryStep"/>;
/// the delivery actor persists, runs the effects and replies. <see cref="State"/> is what is persisted; the rest is
/// rebuilt from it after a restart, which reads the journal after the cursor to its end (not only to the recorded
/// <see cref="DeliveryState.KnownUpTo"/>): a delivery with work in hand stays in memory, remembered by its region, so
/// new work it is told of needs no record of its own. Events the dispatcher hands over (<see cref="DeliverEvents"/>) are
/// held only when they continue exactly what the pump has; anything else is read from the journal when its turn comes.
/// </summary>
public sealed record DeliveryPump
{
    /// <summary>Events read from the journal at a time.</summary>
    public const int PageSize = 100;

    /// <summary>
    /// The most events a delivery holds in memory, read or handed over (a page's worth): handed events beyond it are
    /// dropped and read from the journal once those held are taken up, so a conversation the receiver cannot keep up
    /// with costs its delivery no more memory than one page.
    /// </summary>
    public const int MaxHeld = PageSize;

    private DeliveryPump(DeliveryOptions options, bool includeInternal)
    {
        Options = options;
        IncludeInternal = includeInternal;
    }

    public DeliveryOptions Options { get; }

    /// <summary>The tenant also receives internal events; otherwise they are skipped.</summary>
    public bool IncludeInternal { get; }

    public DeliveryState State { get; private init; } = DeliveryState.Initial;

    /// <summary>Recovery is over: until then nothing is read or sent.</summary>
    public bool Started { get; private init; }

    /// <summary>Highest seq handled, skipped internal events included; ahead of the persisted cursor until it is recorded.</summary>
    public long Position { get; private init; }

    /// <summary>Highest seq the receiver acknowledged since the start; ahead of the persisted cursor until it is recorded.</summary>
    public long Acknowledged { get; private init; }

    /// <summary>Highest seq a <see cref="Deliver"/> named, recorded or not.</summary>
    public long Announced { get; private init; }

    /// <summary>The conversation's events are known to go up to here.</summary>
    public long KnownEnd => Math.Max(State.KnownUpTo, Announced);

    /// <summary>Reading on to the journal's end (a page shorter than <see cref="PageSize"/>), as after a restart.</summary>
    public bool Probing { get; private init; }

    /// <summary>Events read or handed over and not yet taken up, in order, consecutive, at most <see cref="MaxHeld"/>.</summary>
    public ImmutableQueue<FeedEntry> Read { get; private init; } = [];

    /// <summary>A page read is under way.</summary>
    public bool Reading { get; private init; }

    /// <summary>The event being sent, if any.</summary>
    public InFlight? Sending { get; private init; }

    /// <summary>Events handed to the actor to persist and not yet persisted.</summary>
    public int Writing { get; private init; }

    /// <summary>An <see cref="EventDelivered"/> or <see cref="EventsSkipped"/> is being written: the next waits for it.</summary>
    public bool RecordingProgress { get; private init; }

    /// <summary>Dead letters the tenant's index has not confirmed yet.</summary>
    public ImmutableHashSet<long> Unindexed { get; private init; } = [];

    /// <summary>Dead letters being replayed.</summary>
    public ImmutableHashSet<long> Replaying { get; private init; } = [];

    /// <summary>Nothing is left to do or to record, so the delivery may leave memory (which also un-remembers it).</summary>
    public bool MayPassivate =>
        Started && !Probing && !Reading && Sending is null && Writing == 0 && State.Cursor >= Math.Max(Position, KnownEnd)
        && Unindexed.IsEmpty && Replaying.IsEmpty;

    public static DeliveryPump Recovering(DeliveryOptions options, bool includeInternal) => new(options, includeInternal);

    public DeliveryPump Restored(DeliveryState snapshot) => this with { State = snapshot };

    public DeliveryPump Recovered(Event e) => this with { State = State.Apply(e) };

    /// <summary>
    /// Recovery is over: every dead letter is told to the index again (it may have missed one if the node went down
    /// just after it was persisted; it ignores repeats), and delivery resumes after the cursor, reading to the
    /// journal's end: work announced but never recorded is found there.
    /// </summary>
    public DeliveryStep Start()
    {
        var effects = ImmutableList<DeliveryEffect>.Empty;
        var pump = this with { Started = true, Position = State.Cursor, Probing = true };
        foreach (var dead in State.DeadLetters)
        {
            (pump, effects) = pump.Index(dead.Seq, effects);
        }

        return pump.Advance().After(effects);
    }

    /// <summary>
    /// New work is acknowledged at once: one with work in hand cannot leave memory before it is done, and after a
    /// crash its restart reads on to the journal's end. An idle delivery may be on its way out of memory, so it records
    /// the new end first (<see cref="DeliveryScheduled"/>) and acknowledges once that is persisted.
    /// </summary>
    public DeliveryStep Deliver(Deliver deliver) => Announce(deliver.Conversation, deliver.UpToSeq, this);

    /// <summary>
    /// As <see cref="Deliver(DeliveryCommands.Deliver)"/>, holding those of the handed events that continue exactly what
    /// the pump has (see <see cref="Holding"/>), so they go without a read.
    /// </summary>
    public DeliveryStep Deliver(DeliverEvents deliver) => Announce(deliver.Conversation, deliver.UpToSeq, Holding(deliver.Events, deliver.UpToSeq));

    /// <summary>Events up to <paramref name="upToSeq"/> exist; <paramref name="next"/> is this pump with what it took of them.</summary>
    private DeliveryStep Announce(ConversationId conversation, long upToSeq, DeliveryPump next)
    {
        var acknowledged = new DeliveryAcknowledged(conversation, upToSeq);
        if (upToSeq <= KnownEnd)
        {
            return (ReferenceEquals(next, this) ? new DeliveryStep(this) : next.Advance()) with { Reply = acknowledged };
        }

        var idle = MayPassivate;
        var step = (next with { Announced = upToSeq }).Advance();
        return idle ? step.Persisting(new DeliveryScheduled(upToSeq)) with { Reply = acknowledged } : step with { Reply = acknowledged };
    }

    /// <summary>
    /// This pump holding the handed <paramref name="events"/> that continue what it has: from the seq after the last
    /// one it holds or sent, consecutive, up to <paramref name="upToSeq"/> and <see cref="MaxHeld"/>. Those it has are
    /// passed over; from a gap on, none is held. While it reads (after a restart, or events it was told of and has not
    /// got) it holds none: the read brings them, in order.
    /// </summary>
    private DeliveryPump Holding(IReadOnlyList<ConversationEvents.Event> events, long upToSeq)
    {
        if (!Started || Reading || Probing)
        {
            return this;
        }

        var read = Read;
        var held = read.Count();
        var end = held > 0 ? read.Last().Seq : Math.Max(Position, Sending?.Entry.Seq ?? 0);
        foreach (var e in events)
        {
            if (e.Seq <= end)
            {
                continue;
            }

            if (e.Seq != end + 1 || e.Seq > upToSeq || held >= MaxHeld)
            {
                break;
            }

            read = read.Enqueue(FeedProjection.Of(e));
            end = e.Seq;
            held++;
        }

        return ReferenceEquals(read, Read) ? this : this with { Read = read };
    }

    public DeliveryStep Status() => new(this) { Reply = new DeliveryStatus(State) };

    /// <summary>Event <paramref name="e"/>, decided by this pump, is persisted: what follows from it.</summary>
    public DeliveryStep Persisted(Event e)
    {
        var pump = this with { State = State.Apply(e), Writing = Writing - 1 };
        return e switch
        {
            DeliveryScheduled => pump.Advance(),
            EventDelivered or EventsSkipped => (pump with { RecordingProgress = false }).Advance(),
            EventDeadLettered dead => pump.DeadLettered(dead.Seq),
            DeadLetterReplayed replayed => new(pump with { Unindexed = Unindexed.Remove(replayed.Seq) }) { Effects = [new DeliveryEffect.ClearIndexedDeadLetter(replayed.Seq)] },
            _ => new(pump),
        };
    }

    /// <summary>
    /// A page read after <paramref name="after"/> came back. None read is a failure, read again later, except when
    /// probing for the journal's end; a page shorter than <see cref="PageSize"/> is that end.
    /// </summary>
    public DeliveryStep PageRead(long after, IReadOnlyList<FeedEntry> entries, string? failure)
    {
        var pump = this with { Reading = false };
        if (failure is not null || (entries.Count == 0 && !Probing))
        {
            return new(pump) { Effects = [new DeliveryEffect.ReadAgainIn(after, failure ?? "none found", Options.MinBackoff)] };
        }

        return (pump with
        {
            Read = entries.Aggregate(Read, (queue, entry) => queue.Enqueue(entry)),
            Probing = Probing && entries.Count >= PageSize,
        }).Advance();
    }

    public DeliveryStep ReadAgain() => Advance();

    /// <summary>
    /// Attempt <paramref name="attempt"/> of event <paramref name="seq"/> got <paramref name="response"/>: delivered
    /// (the next event goes at once, the acknowledgement is recorded behind it), retried after a back-off, or
    /// dead-lettered (see <see cref="DeliveryDecider.Judge"/>). An answer to an attempt that is no longer the current
    /// one changes nothing.
    /// </summary>
    /// <param name="jitter">A random number in [0, 1).</param>
    public DeliveryStep Attempted(long seq, int attempt, WebhookResponse response, DateTimeOffset now, double jitter)
    {
        if (Sending is not { } sending || sending.Entry.Seq != seq || sending.Attempt != attempt)
        {
            return new(this);
        }

        return DeliveryDecider.Judge(seq, attempt, response, Options, now, jitter) switch
        {
            AttemptVerdict.Delivered => (this with { Acknowledged = Math.Max(Acknowledged, seq) }).Handled(seq),
            AttemptVerdict.DeadLettered dead => new DeliveryStep(this).Persisting(dead.Event),
            AttemptVerdict.RetryIn retry => new(this) { Effects = [new DeliveryEffect.RetryIn(seq, attempt, response, retry.Delay)] },
            _ => throw new ArgumentOutOfRangeException(nameof(response), "Unknown verdict."),
        };
    }

    /// <summary>The back-off is over: the current event goes again.</summary>
    public DeliveryStep RetryNow() =>
        Sending is { } sending ? SendingOf(sending.Entry, sending.Attempt + 1) : new(this);

    /// <summary>Sends dead-lettered event <paramref name="replay"/> once more, now, out of order (once at a time per event).</summary>
    public DeliveryStep Replay(ReplayDeadLetter replay)
    {
        if (State.DeadLetterOf(replay.Seq) is null)
        {
            return new(this) { Reply = new NotDeadLettered(replay.Conversation, replay.Seq) };
        }

        var started = new ReplayStarted(replay.Conversation, replay.Seq);
        return Replaying.Contains(replay.Seq)
            ? new(this) { Reply = started }
            : new(this with { Replaying = Replaying.Add(replay.Seq) }) { Reply = started, Effects = [new DeliveryEffect.SendReplay(replay.Seq)] };
    }

    /// <summary>A replayed dead letter leaves the list only if the receiver acknowledged it.</summary>
    public DeliveryStep ReplayAttempted(long seq, WebhookResponse response, DateTimeOffset now)
    {
        var pump = this with { Replaying = Replaying.Remove(seq) };
        return DeliveryDecider.JudgeReplay(State, seq, response, now) is { } replayed
            ? new DeliveryStep(pump).Persisting(replayed)
            : new(pump) { Effects = [new DeliveryEffect.ReplayNotAcknowledged(seq, response)] };
    }

    public DeliveryStep IndexConfirmed(long seq) => new(this with { Unindexed = Unindexed.Remove(seq) });

    public DeliveryStep IndexFailed(long seq) => new(this) { Effects = [new DeliveryEffect.IndexAgainIn(seq, Options.MinBackoff)] };

    public DeliveryStep IndexNow(long seq)
    {
        var (pump, effects) = Index(seq, []);
        return new(pump) { Effects = effects };
    }

    internal DeliveryPump WithWriteUnderWay() => this with { Writing = Writing + 1 };

    /// <summary>Moves on (the next read event, or a read of the next page) and records progress not yet recorded.</summary>
    private DeliveryStep Advance()
    {
        if (!Started)
        {
            return new(this);
        }

        var move = Reading || Sending is not null ? new DeliveryStep(this) : NextMove();
        return move.Pump.RecordProgress(move.Effects);
    }

    /// <summary>The next event to send, skipping internal ones the tenant does not want, or else a read of the next page.</summary>
    private DeliveryStep NextMove()
    {
        var read = Read;
        var position = Position;
        while (!read.IsEmpty)
        {
            read = read.Dequeue(out var next);
            if (next.Seq <= position)
            {
                continue;
            }

            if (next.Internal && !IncludeInternal)
            {
                position = next.Seq;
                continue;
            }

            return (this with { Read = read, Position = position }).SendingOf(next, 1);
        }

        var pump = this with { Read = read, Position = position };
        return position < KnownEnd || Probing
            ? new(pump with { Reading = true }) { Effects = [new DeliveryEffect.ReadPage(position, PageSize)] }
            : new(pump);
    }

    /// <summary>
    /// One progress write at a time: the highest acknowledgement not yet recorded, or, once nothing is left to send or
    /// read, the internal events skipped at the end (one event records them all).
    /// </summary>
    private DeliveryStep RecordProgress(ImmutableList<DeliveryEffect> effects)
    {
        var done = Sending is null && !Reading && !Probing && Read.IsEmpty && Position >= KnownEnd;
        Event? progress = RecordingProgress ? null
            : Acknowledged > State.Cursor ? new EventDelivered(Acknowledged)
            : done && Position > State.Cursor ? new EventsSkipped(Position)
            : null;
        return progress is null
            ? new(this) { Effects = effects }
            : new DeliveryStep(this with { RecordingProgress = true }) { Effects = effects }.Persisting(progress);
    }

    private DeliveryStep SendingOf(FeedEntry entry, int attempt) =>
        new(this with { Sending = new InFlight(entry, attempt) }) { Effects = [new DeliveryEffect.Send(entry, attempt)] };

    /// <summary>A dead letter is handled like a delivered event, and told to the index.</summary>
    private DeliveryStep DeadLettered(long seq)
    {
        var (pump, effects) = Index(seq, []);
        return pump.Handled(seq).After(effects);
    }

    private DeliveryStep Handled(long seq) => (this with { Position = Math.Max(Position, seq), Sending = null }).Advance();

    /// <summary>Tells the tenant's index of a dead letter until it confirms, so the list the platform sees is complete.</summary>
    private (DeliveryPump Pump, ImmutableList<DeliveryEffect> Effects) Index(long seq, ImmutableList<DeliveryEffect> effects) =>
        State.DeadLetterOf(seq) is { } dead
            ? (this with { Unindexed = Unindexed.Add(seq) }, effects.Add(new DeliveryEffect.IndexDeadLetter(dead)))
            : (this, effects);

    /// <summary>An event on its way to the receiver: <paramref name="Attempt"/> counts from 1.</summary>
    public sealed record InFlight(FeedEntry Entry, int Attempt);
}
