namespace Orchestrator.Host.Configuration;

/// <summary>
/// One Udesk company served by this service (<c>Orchestrator:Tenants:{name}</c>). Its Udesk client settings live
/// under <c>Udesk</c> beside these.
/// </summary>
public sealed class TenantOptions
{
    /// <summary>Bearer keys the platform's backend authenticates with (16+ characters); each belongs to this tenant only.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>The secret path segment (16+ characters) of the Receiving Message URL configured in Udesk.</summary>
    public string PushSecret { get; set; } = "";

    /// <summary>
    /// The structured messages agents can pick on the embedded list page (<c>/udesk/{tenant}/struct-page</c>);
    /// each is sent as it is written here. Names are unique.
    /// </summary>
    public List<StructuredMessageTemplate> StructuredMessages { get; set; } = [];

    /// <summary>Where the tenant's events are POSTed as they happen; none means the platform reads the feed instead.</summary>
    public WebhookOptions? Webhook { get; set; }
}
