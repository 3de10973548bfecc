using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Udesk.Signing;

/// <summary>
/// The MD5 signature of structured messages and of the embedded list page: parameters in exactly
/// the order im_sub_session_id, customer_id, agent_id, timestamp, then the Structured Message KEY.
/// </summary>
public static class StructuredMessageSignature
{
    public static string Compute(long imSubSessionId, long customerId, long agentId, long timestamp, string key) =>
        Compute(
            imSubSessionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            customerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            agentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            key);

    /// <summary>Signs the parameters as they arrived on a query string, without reformatting them.</summary>
    public static string Compute(string imSubSessionId, string customerId, string agentId, string timestamp, string key)
    {
        var text = $"im_sub_session_id={imSubSessionId}&customer_id={customerId}&agent_id={agentId}&timestamp={timestamp}&{key}";
        return OpenApiSignature.LowerHex(MD5.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Constant-time check of a received signature (hex, any case).</summary>
    public static bool Verify(string imSubSessionId, string customerId, string agentId, string timestamp, string key, string? sign)
    {
        if (string.IsNullOrEmpty(sign))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(imSubSessionId, customerId, agentId, timestamp, key));
        var actual = Encoding.ASCII.GetBytes(sign.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
