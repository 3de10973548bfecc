using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// The newest message ids seen, each with the sequence number that recorded it; the oldest fall out past
/// <see cref="Capacity"/>. Part of the persisted state (as <c>capacity</c>, <c>order</c> and <c>seqs</c>), so dedupe
/// survives restarts and passivation.
/// </summary>
/// <remarks>
/// Immutable to its users, compact inside: every conversation holds two windows, so the ids sit in one array of
/// entries that the versions of a window share. A version sees its own range of the array only; <see cref="Add"/>
/// writes the slot after the newest one in place when no other version has taken it (the usual case: the actor keeps
/// only its newest state), and otherwise, or when the array is full, copies the live entries into a new one with a
/// quarter of the capacity to spare. A full window of 256 ids costs about 8 KB besides the ids themselves, where
/// immutable collections took 25 KB. Each entry keeps the id's hash, so a lookup compares hashes before strings.
/// </remarks>
public sealed class RecentIds : IEquatable<RecentIds>
{
    private static readonly Entries NoEntries = new(0);

    private readonly Entries entries;
    private readonly int start;

    public RecentIds(int capacity)
        : this(capacity, NoEntries, 0, 0)
    {
    }

    /// <summary>As the journal holds it: the ids oldest first and the sequence number of each.</summary>
    [JsonConstructor]
    public RecentIds(int capacity, IReadOnlyList<string> order, IReadOnlyDictionary<string, long> seqs)
        : this(capacity)
    {
        var read = this;
        foreach (var id in order)
        {
            if (seqs.TryGetValue(id, out var seq))
            {
                read = read.Add(id, seq);
            }
        }

        (entries, start, Count) = (read.entries, read.start, read.Count);
    }

    private RecentIds(int capacity, Entries entries, int start, int count)
    {
        Capacity = capacity;
        this.entries = entries;
        this.start = start;
        Count = count;
    }

    public int Capacity { get; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<string> Order => [.. Live.Select(entry => entry.Id)];

    public IReadOnlyDictionary<string, long> Seqs => Live.ToDictionary(entry => entry.Id, entry => entry.Seq, StringComparer.Ordinal);

    [JsonIgnore]
    public int Count { get; }

    private IEnumerable<Entry> Live => entries.Items.Skip(start).Take(Count);

    public bool TryGet(string id, out long seq)
    {
        var at = IndexOf(id);
        seq = at < 0 ? 0 : entries.Items[at].Seq;
        return at >= 0;
    }

    public bool Contains(string id) => IndexOf(id) >= 0;

    public RecentIds Add(string id, long seq)
    {
        if (Contains(id))
        {
            return this;
        }

        var entry = new Entry(id, seq, Hash(id));
        var (newStart, newCount) = Count < Capacity ? (start, Count + 1) : (start + 1, Count);
        var end = start + Count;
        if (entries.TryClaim(end))
        {
            entries.Items[end] = entry;
            return new RecentIds(Capacity, entries, newStart, newCount);
        }

        var copy = new Entries(SizeFor(newCount));
        Array.Copy(entries.Items, newStart, copy.Items, 0, newCount - 1);
        copy.Items[newCount - 1] = entry;
        copy.Used = newCount;
        return new RecentIds(Capacity, copy, 0, newCount);
    }

    /// <summary>The same ids under a new capacity (configuration changed between runs).</summary>
    public RecentIds WithCapacity(int capacity)
    {
        var resized = new RecentIds(capacity);
        foreach (var entry in Live)
        {
            resized = resized.Add(entry.Id, entry.Seq);
        }

        return resized;
    }

    public bool Equals(RecentIds? other) =>
        other is not null && Capacity == other.Capacity && Live.Select(e => (e.Id, e.Seq)).SequenceEqual(other.Live.Select(e => (e.Id, e.Seq)));

    public override bool Equals(object? obj) => Equals(obj as RecentIds);

    public override int GetHashCode() => HashCode.Combine(Capacity, Count);

    private static int Hash(string id) => StringComparer.Ordinal.GetHashCode(id);

    private int IndexOf(string id)
    {
        var hash = Hash(id);
        var items = entries.Items;
        for (var i = start + Count - 1; i >= start; i--)
        {
            if (items[i].Hash == hash && string.Equals(items[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Room for <paramref name="live"/> entries: exactly one for a first id (most windows hold one or two), doubling
    /// while the window fills, then a quarter of the capacity to spare.
    /// </summary>
    private int SizeFor(int live) => live < Capacity ? Math.Min(live == 1 ? 1 : 2 * live, Capacity) : Capacity + Math.Max(1, Capacity / 4);

    private readonly record struct Entry(string Id, long Seq, int Hash);

    /// <summary>The array the versions of a window share, and how far it has been written.</summary>
    private sealed class Entries(int size)
    {
        public Entry[] Items { get; } = new Entry[size];

        public int Used;

        /// <summary>Whether slot <paramref name="at"/> is free and now taken by the caller: it must be the next one unwritten.</summary>
        public bool TryClaim(int at) => at < Items.Length && Interlocked.CompareExchange(ref Used, at + 1, at) == at;
    }
}
