namespace Orchestrator.Udesk.Simulator.Auth;

/// <summary>How an endpoint is authenticated.</summary>
internal enum AuthScheme
{
    /// <summary>Email, timestamp, nonce and signature on the query string; counts against the company budget.</summary>
    OpenApi,

    /// <summary>MD5 with the structured-message KEY; counts against the company budget.</summary>
    StructuredMessage,

    /// <summary>Authenticates in its body (<c>log_in</c>); not counted.</summary>
    None,
}
