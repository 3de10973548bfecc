using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.World;

/// <summary>
/// Every random choice of the simulator, from one seed. The world (ids, agent picks), the Open API faults, the
/// quirks and the push faults draw from separate streams, so turning a fault or a quirk on does not change which ids
/// the world hands out.
/// Push faults have one stream per customer (push lane): lanes run concurrently, and a shared stream would hand
/// out its draws in whatever order the threads happened to run.
/// </summary>
public sealed class SimulatorRandom
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Random> pushFaults = new(StringComparer.Ordinal);
    private Random world = new(0);
    private Random apiFaults = new(0);
    private Random quirks = new(0);

    public SimulatorRandom(IOptions<SimulatorOptions> options) => Reseed(options.Value.Seed ?? Random.Shared.Next());

    /// <summary>The seed in use: give it as <c>Seed</c> to repeat this run.</summary>
    public int Seed { get; private set; }

    public void Reseed(int seed)
    {
        lock (gate)
        {
            Seed = seed;
            world = new Random(seed);
            apiFaults = new Random(unchecked(seed * 31 + 17));
            quirks = new Random(unchecked(seed * 31 + 23));
            pushFaults.Clear();
        }
    }

    /// <summary>
    /// A message id in the form Udesk uses (a UUID), reproducible from the seed; <paramref name="numeric"/> gives the
    /// all-digit form Udesk also uses, made from the same draw so later ids do not change.
    /// </summary>
    internal string NextMessageId(bool numeric = false)
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (gate)
        {
            world.NextBytes(bytes);
        }

        if (numeric)
        {
            // 16 digits like Udesk's "8561762919969593", below 2^53 so that JSON readers with doubles keep it exact.
            return (1_000_000_000_000_000 + (BitConverter.ToUInt64(bytes) % 8_000_000_000_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Version 4, RFC 4122 variant, like the UUIDs Udesk sends.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    internal int NextIndex(int count)
    {
        lock (gate)
        {
            return world.Next(count);
        }
    }

    /// <summary>Whether an Open API fault with probability <paramref name="rate"/> happens to this call.</summary>
    internal bool ApiFaultHappens(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            return apiFaults.NextDouble() < rate;
        }
    }

    /// <summary>Whether a quirk with probability <paramref name="rate"/> happens this time.</summary>
    internal bool QuirkHappens(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            return quirks.NextDouble() < rate;
        }
    }

    /// <summary>Which of <paramref name="count"/> odd shapes a quirk takes.</summary>
    internal int NextQuirkIndex(int count)
    {
        lock (gate)
        {
            return quirks.Next(count);
        }
    }

    /// <summary>Whether a push fault with probability <paramref name="rate"/> happens to this batch of <paramref name="orderingKey"/>.</summary>
    internal bool PushFaultHappens(string orderingKey, double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            if (!pushFaults.TryGetValue(orderingKey, out var stream))
            {
                stream = new Random(unchecked((Seed * 31) + 29 + StableHash(orderingKey)));
                pushFaults.Add(orderingKey, stream);
            }

            return stream.NextDouble() < rate;
        }
    }

    /// <summary>FNV-1a of the UTF-8 bytes: the same in every process, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }
}
