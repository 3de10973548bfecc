namespace Orchestrator.Udesk.Http;

/// <summary>How one request is authenticated; set on the request, read by <see cref="UdeskSigningHandler"/>.</summary>
public abstract record UdeskRequestAuthentication
{
    public static readonly HttpRequestOptionsKey<UdeskRequestAuthentication> Key = new("udesk.authentication");

    /// <summary>Email, timestamp, nonce and signature on the query string (every Open API call).</summary>
    public sealed record OpenApi : UdeskRequestAuthentication;

    /// <summary>Structured messages: MD5 over the session, customer and agent ids with the structured-message KEY.</summary>
    public sealed record StructuredMessage(long ImSubSessionId, long CustomerId, long AgentId) : UdeskRequestAuthentication;

    /// <summary>Calls that authenticate in their body (<c>log_in</c>).</summary>
    public sealed record None : UdeskRequestAuthentication;
}
