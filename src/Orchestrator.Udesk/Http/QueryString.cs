using System.Text;

namespace Orchestrator.Udesk.Http;

/// <summary>Builds query strings with RFC 3986 escaping (Udesk's time parameters contain spaces and colons).</summary>
public static class QueryString
{
    public static string Build(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            builder.Append(builder.Length == 0 ? "" : "&")
                .Append(Uri.EscapeDataString(name))
                .Append('=')
                .Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    public static Uri Append(Uri uri, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (parameters.Count == 0)
        {
            return uri;
        }

        var text = uri.OriginalString;
        var separator = text.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new Uri(text + separator + Build(parameters), uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
    }
}
