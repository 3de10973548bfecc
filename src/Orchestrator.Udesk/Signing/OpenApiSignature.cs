using System.Security.Cryptography;
using System.Text;
using Orchestrator.Udesk.Configuration;

namespace Orchestrator.Udesk.Signing;

/// <summary>The query-string signature of the Udesk Open API (see udesk-notes: v2 SHA-256, v1 SHA-1).</summary>
public static class OpenApiSignature
{
    public static string V2(string email, string apiToken, long timestamp, string nonce) =>
        LowerHex(SHA256.HashData(Encoding.UTF8.GetBytes($"{email}&{apiToken}&{timestamp}&{nonce}&v2")));

    public static string V1(string email, string apiToken, long timestamp) =>
        LowerHex(SHA1.HashData(Encoding.UTF8.GetBytes($"{email}&{apiToken}&{timestamp}")));

    /// <summary>The query parameters that authenticate one attempt of a call.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> QueryParameters(
        SignatureVersion version, string email, string apiToken, long timestamp, string nonce) =>
        version switch
        {
            SignatureVersion.V2 =>
            [
                new("email", email),
                new("timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("nonce", nonce),
                new("sign_version", "v2"),
                new("sign", V2(email, apiToken, timestamp, nonce)),
            ],
            SignatureVersion.V1 =>
            [
                new("email", email),
                new("timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("sign", V1(email, apiToken, timestamp)),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown signature version."),
        };

    internal static string LowerHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);
}
