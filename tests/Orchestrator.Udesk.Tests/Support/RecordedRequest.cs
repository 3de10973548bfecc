using System.Collections.Specialized;
using System.Text.Json.Nodes;
using System.Web;

namespace Orchestrator.Udesk.Tests.Support;

/// <summary>A request as the fake Udesk saw it on the wire.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? ContentType, string? Body)
{
    public string Path => Uri.AbsolutePath;

    public NameValueCollection Query => HttpUtility.ParseQueryString(Uri.Query);

    public string? QueryValue(string name) => Query[name];

    public JsonNode? Json => Body is null ? null : JsonNode.Parse(Body);
}
