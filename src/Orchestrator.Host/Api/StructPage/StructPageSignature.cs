using System.Globalization;
using Orchestrator.Host.Api;
using Orchestrator.Udesk.Signing;

namespace Orchestrator.Host.Api.StructPage;

/// <summary>
/// The parameters Udesk signs into the structured-message list page (and the page's send form carries back):
/// session, customer and agent ids, the SDK source, a timestamp and the MD5 <c>sign</c> made with the tenant's
/// structured-message KEY. The ids are kept as they arrived, since the signature covers the text.
/// </summary>
internal sealed record StructPageSignature(string ImSubSessionId, string CustomerId, string AgentId, string Timestamp, string Sign, string? JidResource)
{
    public long SessionId => long.Parse(ImSubSessionId, CultureInfo.InvariantCulture);

    public long Customer => long.Parse(CustomerId, CultureInfo.InvariantCulture);

    public long Agent => long.Parse(AgentId, CultureInfo.InvariantCulture);

    /// <summary>The parameters as a query string, to link back to the page.</summary>
    public QueryString ToQuery() => QueryString.Create(new Dictionary<string, string?>
    {
        ["im_sub_session_id"] = ImSubSessionId,
        ["customer_id"] = CustomerId,
        ["agent_id"] = AgentId,
        ["jid_resource"] = JidResource,
        ["timestamp"] = Timestamp,
        ["sign"] = Sign,
    }.Where(p => p.Value is not null));

    /// <summary>
    /// Reads and checks the parameters: malformed ids → 400 naming the field; a missing or wrong sign (compared in
    /// constant time) or a timestamp further than <paramref name="window"/> from <paramref name="now"/> → 403.
    /// </summary>
    public static IResult? Verify(Func<string, string?> read, string key, DateTimeOffset now, TimeSpan window, out StructPageSignature? signature)
    {
        signature = null;
        foreach (var field in new[] { "im_sub_session_id", "customer_id", "agent_id" })
        {
            if (!long.TryParse(read(field), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return Problems.Result(Problems.Invalid(field, $"{field} is required: the number Udesk passes to the page."));
            }
        }

        if (!long.TryParse(read("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return Problems.Result(Problems.Invalid("timestamp", "timestamp is required: the Unix time Udesk signed."));
        }

        var candidate = new StructPageSignature(read("im_sub_session_id")!, read("customer_id")!, read("agent_id")!, read("timestamp")!, read("sign") ?? "", NullIfEmpty(read("jid_resource")));
        if (!StructuredMessageSignature.Verify(candidate.ImSubSessionId, candidate.CustomerId, candidate.AgentId, candidate.Timestamp, key, candidate.Sign))
        {
            return Problems.Result(Problems.SignatureRejected("sign does not match the parameters and the tenant's structured-message KEY."));
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > (long)window.TotalSeconds)
        {
            return Problems.Result(Problems.SignatureRejected($"The signed timestamp is more than {window.TotalMinutes:0.##} minutes away; reopen the page from Udesk."));
        }

        signature = candidate;
        return null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
