namespace Orchestrator.Udesk.Status;

/// <summary>Which customer to ask about: by Open API token, web token or SDK token (one of them).</summary>
public sealed record CustomerStatusQuery
{
    public string? CustomerToken { get; init; }

    public string? WebToken { get; init; }

    public string? SdkToken { get; init; }

    /// <summary>With a web token: which of the customer's sessions.</summary>
    public string? SessionKey { get; init; }

    public static CustomerStatusQuery ByCustomerToken(string token) => new() { CustomerToken = token };

    public static CustomerStatusQuery ByWebToken(string token, string? sessionKey = null) => new() { WebToken = token, SessionKey = sessionKey };

    public static CustomerStatusQuery BySdkToken(string token) => new() { SdkToken = token };
}
