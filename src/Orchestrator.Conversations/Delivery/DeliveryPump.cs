using System.Collections.Immutable;
using Orchestrator.Conversations.Feed;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;
using static Orchestrator.Conversations.Delivery.DeliveryEvents;
using static Orchestrator.Conversations.Delivery.DeliveryReplies;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// One conversation's read-and-send pump, pure and immutable (time and jitter are arguments): it reads the
/// conversation's events after what was delivered and sends them one at a time, event n+1 only once n is acknowledged
/// or dead-lettered. Each input returns a <see cref="DeliveryStep"/>; the delivery actor persists, runs the effects
/// and replies. <see cref="State"/> is what is persisted; the rest is rebuilt from it after a restart.
/// </summary>
public sealed record DeliveryPump
{
    /// <summary>Events read from the journal at a time.</summary>
    public const int PageSize = 100;

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

    /// <summary>Highest seq handled, skipped internal events included; ahead of the persisted cursor until the next event is.</summary>
    public long Position { get; private init; }

    /// <summary>Events read and not yet taken up, in order.</summary>
    public ImmutableQueue<FeedEntry> Read { get; private init; } = [];

    /// <summary>A page read is under way.</summary>
    public bool Reading { get; private init; }

    /// <summary>The event being sent, if any.</summary>
    public InFlight? Sending { get; private init; }

    /// <summary>Dead letters the tenant's index has not confirmed yet.</summary>
    public ImmutableHashSet<long> Unindexed { get; private init; } = [];

    /// <summary>Dead letters being replayed.</summary>
    public ImmutableHashSet<long> Replaying { get; private init; } = [];

    /// <summary>Nothing is left to do, so the delivery may leave memory (which also un-remembers it).</summary>
    public bool MayPassivate =>
        State.CaughtUp && Position >= State.KnownUpTo && Sending is null && !Reading && Unindexed.IsEmpty && Replaying.IsEmpty;

    public static DeliveryPump Recovering(DeliveryOptions options, bool includeInternal) => new(options, includeInternal);

    public DeliveryPump Restored(DeliveryState snapshot) => this with { State = snapshot };

    public DeliveryPump Recovered(Event e) => this with { State = State.Apply(e) };

    /// <summary>
    /// Recovery is over: every dead letter is told to the index again (it may have missed one if the node went down
    /// just after it was persisted; it ignores repeats), and delivery resumes after the cursor.
    /// </summary>
    public DeliveryStep Start()
    {
        var effects = ImmutableList<DeliveryEffect>.Empty;
        var pump = this with { Started = true, Position = State.Cursor };
        foreach (var dead in State.DeadLetters)
        {
            (pump, effects) = pump.Index(dead.Seq, effects);
        }

        return pump.Advance().After(effects);
    }

    /// <summary>Records new work (if any) and acknowledges once it is recorded.</summary>
    public DeliveryStep Deliver(Deliver deliver) => new(this)
    {
        Persist = [.. DeliveryDecider.Decide(State, deliver)],
        Reply = new DeliveryAcknowledged(deliver.Conversation, deliver.UpToSeq),
    };

    public DeliveryStep Status() => new(this) { Reply = new DeliveryStatus(State) };

    /// <summary>Event <paramref name="e"/>, decided by this pump, is persisted: what follows from it.</summary>
    public DeliveryStep Persisted(Event e)
    {
        var pump = this with { State = State.Apply(e) };
        return e switch
        {
            DeliveryScheduled => pump.Advance(),
            EventDelivered delivered => pump.Handled(delivered.Seq),
            EventDeadLettered dead => pump.DeadLettered(dead.Seq),
            DeadLetterReplayed replayed => new(pump with { Unindexed = Unindexed.Remove(replayed.Seq) }) { Effects = [new DeliveryEffect.ClearIndexedDeadLetter(replayed.Seq)] },
            _ => new(pump),
        };
    }

    /// <summary>A page read after <paramref name="after"/> came back; none read means it failed (Deliver names only events already in the journal).</summary>
    public DeliveryStep PageRead(long after, IReadOnlyList<FeedEntry> entries, string? failure)
    {
        var pump = this with { Reading = false };
        if (entries.Count == 0)
        {
            return new(pump) { Effects = [new DeliveryEffect.ReadAgainIn(after, failure ?? "none found", Options.MinBackoff)] };
        }

        return (pump with { Read = entries.Aggregate(Read, (queue, entry) => queue.Enqueue(entry)) }).Advance();
    }

    public DeliveryStep ReadAgain() => Advance();

    /// <summary>
    /// Attempt <paramref name="attempt"/> of event <paramref name="seq"/> got <paramref name="response"/>: delivered,
    /// retried after a back-off, or dead-lettered (see <see cref="DeliveryDecider.Judge"/>). An answer to an attempt
    /// that is no longer the current one changes nothing.
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
            AttemptVerdict.Delivered delivered => new(this) { Persist = [delivered.Event] },
            AttemptVerdict.DeadLettered dead => new(this) { Persist = [dead.Event] },
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
            ? new(pump) { Persist = [replayed] }
            : new(pump) { Effects = [new DeliveryEffect.ReplayNotAcknowledged(seq, response)] };
    }

    public DeliveryStep IndexConfirmed(long seq) => new(this with { Unindexed = Unindexed.Remove(seq) });

    public DeliveryStep IndexFailed(long seq) => new(this) { Effects = [new DeliveryEffect.IndexAgainIn(seq, Options.MinBackoff)] };

    public DeliveryStep IndexNow(long seq)
    {
        var (pump, effects) = Index(seq, []);
        return new(pump) { Effects = effects };
    }

    /// <summary>Moves on: the next read event, or a read of the next page, or (caught up) records skipped events.</summary>
    private DeliveryStep Advance()
    {
        if (!Started || Reading || Sending is not null)
        {
            return new(this);
        }

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
        if (position < State.KnownUpTo)
        {
            return new(pump with { Reading = true }) { Effects = [new DeliveryEffect.ReadPage(position, PageSize)] };
        }

        // Only internal events were left: one event records them all.
        return position > State.Cursor ? new(pump) { Persist = [new EventsSkipped(position)] } : new(pump);
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
