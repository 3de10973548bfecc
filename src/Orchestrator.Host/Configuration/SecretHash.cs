using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Host.Configuration;

/// <summary>Secrets are kept and compared only as SHA-256 hashes, in constant time.</summary>
public static class SecretHash
{
    public static byte[] Of(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>
    /// The index of the candidate equal to <paramref name="hash"/>, or -1; every candidate is compared, so the time
    /// taken says nothing about which one (if any) matched.
    /// </summary>
    public static int IndexIn(byte[] hash, IReadOnlyList<byte[]> candidates)
    {
        var match = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            match = CryptographicOperations.FixedTimeEquals(candidates[i], hash) ? i : match;
        }

        return match;
    }
}
