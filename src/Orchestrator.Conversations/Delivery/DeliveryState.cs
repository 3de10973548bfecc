using System.Collections.Immutable;
using System.Text.Json.Serialization;
using static Orchestrator.Conversations.Delivery.DeliveryEvents;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// One conversation's webhook delivery: everything up to <see cref="Cursor"/> is acknowledged, dead-lettered or
/// skipped; events up to <see cref="KnownUpTo"/> exist and wait their turn. Also the snapshot.
/// </summary>
public sealed record DeliveryState
{
    public static DeliveryState Initial { get; } = new();

    public long Cursor { get; init; }

    public long KnownUpTo { get; init; }

    public ImmutableList<DeadLetter> DeadLetters { get; init; } = [];

    [JsonIgnore]
    public bool CaughtUp => Cursor >= KnownUpTo;

    public DeliveryState Apply(Event e) => e switch
    {
        DeliveryScheduled scheduled => this with { KnownUpTo = Math.Max(KnownUpTo, scheduled.UpToSeq) },
        EventDelivered delivered => Advanced(delivered.Seq),
        EventsSkipped skipped => Advanced(skipped.UpToSeq),
        EventDeadLettered dead => Advanced(dead.Seq) with
        {
            DeadLetters = DeadLetters.RemoveAll(d => d.Seq == dead.Seq).Add(new DeadLetter(dead.Seq, dead.Reason, dead.LastStatus, dead.At)),
        },
        DeadLetterReplayed replayed => this with { DeadLetters = DeadLetters.RemoveAll(d => d.Seq == replayed.Seq) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown delivery event."),
    };

    public DeadLetter? DeadLetterOf(long seq) => DeadLetters.Find(d => d.Seq == seq);

    // The cursor never moves back: a replayed or re-dispatched old event does not undo later progress.
    private DeliveryState Advanced(long seq) => this with { Cursor = Math.Max(Cursor, seq), KnownUpTo = Math.Max(KnownUpTo, seq) };
}
