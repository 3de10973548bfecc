using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.World;

/// <summary>
/// Every random choice of the simulator, from one seed. The world (ids, agent picks) and the faults draw from
/// separate streams, so turning a fault on does not change which ids the world hands out.
/// </summary>
public sealed class SimulatorRandom
{
    private readonly Lock gate = new();
    private Random world = new(0);
    private Random faults = new(0);

    public SimulatorRandom(IOptions<SimulatorOptions> options) => Reseed(options.Value.Seed ?? Random.Shared.Next());

    /// <summary>The seed in use: give it as <c>Seed</c> to repeat this run.</summary>
    public int Seed { get; private set; }

    public void Reseed(int seed)
    {
        lock (gate)
        {
            Seed = seed;
            world = new Random(seed);
            faults = new Random(unchecked(seed * 31 + 17));
        }
    }

    /// <summary>A message id in the form Udesk uses (a UUID), reproducible from the seed.</summary>
    internal string NextMessageId()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (gate)
        {
            world.NextBytes(bytes);
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

    /// <summary>Whether a fault with probability <paramref name="rate"/> happens this time.</summary>
    internal bool FaultHappens(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            return faults.NextDouble() < rate;
        }
    }
}
