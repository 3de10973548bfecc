namespace Orchestrator.Host.Tenancy;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
internal static class BearerToken
{
    private const string Prefix = "Bearer ";

    /// <summary>The token; null without an Authorization header, empty when the header is not a Bearer token.</summary>
    public static string? Of(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim() : "";
    }
}
