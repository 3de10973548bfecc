using System.Text.Json;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Serialization;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>The dedupe window: newest ids kept with their sequence numbers, every version unchanged by later ones.</summary>
public sealed class RecentIdsTests
{
    [Fact]
    public void The_oldest_ids_fall_out_past_the_capacity_and_the_rest_keep_their_sequence_numbers()
    {
        var window = new RecentIds(3).Add("a", 1).Add("b", 2).Add("c", 3).Add("d", 4);

        Assert.False(window.Contains("a"));
        Assert.True(window.TryGet("b", out var b));
        Assert.Equal(2, b);
        Assert.Equal(["b", "c", "d"], window.Order);
        Assert.Equal(3, window.Count);
    }

    [Fact]
    public void An_id_seen_already_keeps_its_first_sequence_number_and_its_place()
    {
        var window = new RecentIds(3).Add("a", 1).Add("b", 2);

        var again = window.Add("a", 9);

        Assert.Same(window, again);
        Assert.True(again.TryGet("a", out var seq));
        Assert.Equal(1, seq);
    }

    [Fact]
    public void Every_version_keeps_what_it_held_when_another_grows_from_the_same_one()
    {
        var common = new RecentIds(4).Add("a", 1).Add("b", 2);
        var left = common.Add("c", 3);
        var right = common.Add("x", 30).Add("y", 31);
        var leftAgain = left.Add("d", 4).Add("e", 5);

        Assert.Equal(["a", "b"], common.Order);
        Assert.Equal(["a", "b", "c"], left.Order);
        Assert.Equal(["a", "b", "x", "y"], right.Order);
        Assert.Equal(["b", "c", "d", "e"], leftAgain.Order);
        Assert.False(right.Contains("c"));
        Assert.False(left.Contains("x"));
    }

    [Fact]
    public void A_long_run_of_adds_and_branches_matches_a_plain_list_of_the_newest_ids()
    {
        var random = new Random(20261128);
        const int capacity = 7;
        var versions = new List<(RecentIds Window, List<(string Id, long Seq)> Model)> { (new RecentIds(capacity), []) };
        for (var step = 0; step < 5_000; step++)
        {
            // Mostly the newest version grows, as in the actor; now and then an older one does.
            var (window, model) = versions[random.Next(10) == 0 ? random.Next(versions.Count) : versions.Count - 1];
            var id = $"m-{random.Next(40)}";
            var next = window.Add(id, step);
            var nextModel = model.Any(e => e.Id == id) ? model : [.. model.Append((id, step)).TakeLast(capacity)];
            versions.Add((next, nextModel));
        }

        Assert.All(versions, v =>
        {
            Assert.Equal(v.Model.Select(e => e.Id), v.Window.Order);
            Assert.All(v.Model, e => Assert.True(v.Window.TryGet(e.Id, out var seq) && seq == e.Seq));
        });
    }

    [Fact]
    public void A_smaller_capacity_keeps_the_newest_ids()
    {
        var window = new RecentIds(5).Add("a", 1).Add("b", 2).Add("c", 3);

        var resized = window.WithCapacity(2);

        Assert.Equal(["b", "c"], resized.Order);
        Assert.Equal(2, resized.Capacity);
    }

    [Fact]
    public void The_journal_shape_is_capacity_order_and_seqs_and_reads_back_equal()
    {
        var window = new RecentIds(3).Add("p-1", 7).Add("p-2", 8);

        var json = JsonSerializer.Serialize(window, ConversationSerializer.Options);
        var back = JsonSerializer.Deserialize<RecentIds>("""{"capacity": 3, "order": ["p-1", "p-2"], "seqs": {"p-2": 8, "p-1": 7}}""", ConversationSerializer.Options)!;

        Assert.Equal("""{"capacity":3,"order":["p-1","p-2"],"seqs":{"p-1":7,"p-2":8}}""", json);
        Assert.Equal(window, back);
        Assert.NotEqual(window, window.Add("p-3", 9));
    }
}
