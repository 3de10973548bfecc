namespace Orchestrator.Udesk.Http;

/// <summary>One Open API call, described before it is sent.</summary>
internal sealed record UdeskCall(HttpMethod Method, string Path)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>Serialized as JSON; none for GET (Udesk rejects a JSON content type on some GETs).</summary>
    public object? Body { get; init; }

    public UdeskRequestAuthentication Authentication { get; init; } = new UdeskRequestAuthentication.OpenApi();

    /// <summary>Business codes besides 1000 that carry data rather than an error (2001/2002 on session requests).</summary>
    public IReadOnlySet<int> DataCodes { get; init; } = new HashSet<int>();

    /// <summary>The field holding the business code: <c>code</c>, or <c>status</c> for structured messages.</summary>
    public string CodeField { get; init; } = "code";
}
