using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Host.Delivery;

/// <summary>
/// <c>X-Orchestrator-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>: the receiver
/// recomputes it with the tenant's secret, compares in constant time and rejects old timestamps (replays).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Orchestrator-Signature";
    public const string EventIdHeader = "X-Orchestrator-Event-Id";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body) =>
        $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Mac(secret, unixSeconds, body))}";

    /// <summary>True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        long? timestamp = null;
        byte[]? signature = null;
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal) && part.Length == 3 + 64)
            {
                try
                {
                    signature = Convert.FromHexString(part[3..]);
                }
                catch (FormatException)
                {
                    return false;
                }
            }
        }

        return timestamp is { } at
            && signature is not null
            && Math.Abs(now.ToUnixTimeSeconds() - at) <= tolerance.TotalSeconds
            && CryptographicOperations.FixedTimeEquals(signature, Mac(secret, at, body));
    }

    private static byte[] Mac(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
