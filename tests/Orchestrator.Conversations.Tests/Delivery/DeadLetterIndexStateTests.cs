using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Delivery.DeadLetterIndexMessages;

namespace Orchestrator.Conversations.Tests.Delivery;

/// <summary>The tenant-wide dead-letter list: ids in order and never reused, repeats ignored, pages.</summary>
public sealed class DeadLetterIndexStateTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConversationId A = new("acme", "a");
    private static readonly ConversationId B = new("acme", "b");

    [Fact]
    public void Ids_follow_each_other_repeats_are_ignored_and_cleared_ids_are_not_reused()
    {
        var state = new DeadLetterIndexState();
        state = Record(state, A, 3)!;
        state = Record(state, B, 1)!;

        Assert.Null(state.Decide(new RecordDeadLetter("acme", A, new DeadLetter(3, "again", 400, At))));
        Assert.Equal([(1L, A, 3L), (2L, B, 1L)], state.Entries.Select(e => (e.Id, e.Conversation, e.Seq)));

        state = state.Apply(new DeadLetterCleared(2));
        state = Record(state, B, 7)!;
        Assert.Equal([1L, 3L], state.Entries.Select(e => e.Id));
        Assert.Equal(B, state.Find(3)!.Conversation);
        Assert.Null(state.Find(2));
    }

    [Fact]
    public void Pages_continue_after_the_last_id()
    {
        var state = new DeadLetterIndexState();
        foreach (var seq in Enumerable.Range(1, 5))
        {
            state = Record(state, A, seq)!;
        }

        Assert.Equal([1L, 2L], state.Page(0, 2).Select(e => e.Id));
        Assert.Equal([3L, 4L], state.Page(2, 2).Select(e => e.Id));
        Assert.Equal([5L], state.Page(4, 2).Select(e => e.Id));
        Assert.Empty(state.Page(5, 2));
    }

    private static DeadLetterIndexState? Record(DeadLetterIndexState state, ConversationId conversation, long seq) =>
        state.Decide(new RecordDeadLetter("acme", conversation, new DeadLetter(seq, "refused", 400, At))) is { } e ? state.Apply(e) : null;
}
