using Orchestrator.Conversations.Quarantine;
using static Orchestrator.Conversations.Quarantine.PushQuarantineMessages;

namespace Orchestrator.Conversations.Tests.Quarantine;

/// <summary>The tenant's quarantine keeps each body once, lists the newest, and pages by id.</summary>
public sealed class PushQuarantineStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static QuarantinePush Push(string body) => new("acme", "not JSON", System.Text.Encoding.UTF8.GetBytes(body), "text/plain");

    [Fact]
    public void A_body_is_kept_with_the_next_id_and_the_same_body_again_is_not_kept_twice()
    {
        var state = new PushQuarantineState();

        var (kept, id) = state.Decide(Push("garbage"), Now);
        state = state.Apply(kept!);
        var (again, sameId) = state.Decide(Push("garbage"), Now.AddSeconds(5));

        Assert.Equal(1, id);
        Assert.Null(again);
        Assert.Equal(1, sameId);
        Assert.Equal("garbage"u8.ToArray(), Assert.Single(state.Entries).Body);
    }

    [Fact]
    public void Only_the_newest_are_listed_and_ids_keep_growing()
    {
        var state = new PushQuarantineState();
        for (var i = 0; i < PushQuarantineState.Listed + 3; i++)
        {
            state = state.Apply(state.Decide(Push($"body {i}"), Now).Kept!);
        }

        Assert.Equal(PushQuarantineState.Listed, state.Entries.Count);
        Assert.Equal(4, state.Entries[0].Id);
        Assert.Equal(PushQuarantineState.Listed + 3, state.LastId);
    }

    [Fact]
    public void A_page_starts_after_the_id_given()
    {
        var state = new PushQuarantineState();
        foreach (var body in new[] { "a", "b", "c" })
        {
            state = state.Apply(state.Decide(Push(body), Now).Kept!);
        }

        Assert.Equal([2L, 3L], state.Page(1, 10).Select(e => e.Id));
        Assert.Equal([2L], state.Page(1, 1).Select(e => e.Id));
    }
}
