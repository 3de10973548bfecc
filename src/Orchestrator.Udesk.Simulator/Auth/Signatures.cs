using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Udesk.Simulator.Auth;

/// <summary>
/// The signatures Udesk checks, computed here from the spec independently of the client's signing code so a
/// mistake on one side shows up as a failure instead of cancelling out.
/// </summary>
public static class Signatures
{
    /// <summary>v2: lowercase hex SHA-256 of <c>{email}&amp;{token}&amp;{timestamp}&amp;{nonce}&amp;v2</c>.</summary>
    public static string OpenApiV2(string email, string token, string timestamp, string nonce) =>
        Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"{email}&{token}&{timestamp}&{nonce}&v2")));

    /// <summary>v1 (legacy, no nonce): lowercase hex SHA-1 of <c>{email}&amp;{token}&amp;{timestamp}</c>.</summary>
    public static string OpenApiV1(string email, string token, string timestamp) =>
        Hex(SHA1.HashData(Encoding.UTF8.GetBytes($"{email}&{token}&{timestamp}")));

    /// <summary>Structured messages: MD5 over the parameters in exactly this order, then the KEY.</summary>
    public static string StructuredMessage(string imSubSessionId, string customerId, string agentId, string timestamp, string key) =>
        Hex(MD5.HashData(Encoding.UTF8.GetBytes($"im_sub_session_id={imSubSessionId}&customer_id={customerId}&agent_id={agentId}&timestamp={timestamp}&{key}")));

    /// <summary>Constant-time comparison of a received signature (hex, any case) with the expected one.</summary>
    public static bool Matches(string expected, string? received) =>
        received is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received.ToLowerInvariant()));

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
