using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// The newest message ids seen, each with the sequence number that recorded it; the oldest fall out past
/// <see cref="Capacity"/>. Part of the persisted state, so dedupe survives restarts and passivation.
/// </summary>
public sealed record RecentIds
{
    public RecentIds(int capacity) => Capacity = capacity;

    public int Capacity { get; init; }

    /// <summary>Oldest first.</summary>
    public ImmutableQueue<string> Order { get; init; } = [];

    public ImmutableDictionary<string, long> Seqs { get; init; } = ImmutableDictionary<string, long>.Empty;

    [JsonIgnore]
    public int Count => Seqs.Count;

    public bool TryGet(string id, out long seq) => Seqs.TryGetValue(id, out seq);

    public bool Contains(string id) => Seqs.ContainsKey(id);

    public RecentIds Add(string id, long seq)
    {
        if (Seqs.ContainsKey(id))
        {
            return this;
        }

        var order = Order.Enqueue(id);
        var seqs = Seqs.Add(id, seq);
        while (seqs.Count > Capacity && !order.IsEmpty)
        {
            order = order.Dequeue(out var oldest);
            seqs = seqs.Remove(oldest);
        }

        return this with { Order = order, Seqs = seqs };
    }

    /// <summary>The same ids under a new capacity (configuration changed between runs).</summary>
    public RecentIds WithCapacity(int capacity)
    {
        var resized = new RecentIds(capacity);
        foreach (var id in Order)
        {
            resized = resized.Add(id, Seqs[id]);
        }

        return resized;
    }
}
