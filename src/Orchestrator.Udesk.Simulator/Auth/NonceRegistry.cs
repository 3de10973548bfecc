using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.Auth;

/// <summary>Remembers v2 nonces for the nonce window: Udesk accepts each nonce once within 15 minutes.</summary>
internal sealed class NonceRegistry(IOptions<SimulatorOptions> options, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Nonce, DateTimeOffset At)> byAge = new();

    /// <summary>False when <paramref name="nonce"/> was already used within the window.</summary>
    public bool TryUse(string nonce)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (byAge.TryPeek(out var oldest) && now - oldest.At >= options.Value.NonceWindow)
            {
                byAge.Dequeue();
                seen.Remove(oldest.Nonce);
            }

            if (!seen.TryAdd(nonce, now))
            {
                return false;
            }

            byAge.Enqueue((nonce, now));
            return true;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            seen.Clear();
            byAge.Clear();
        }
    }
}
