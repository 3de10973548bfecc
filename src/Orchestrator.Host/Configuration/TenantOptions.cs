namespace Orchestrator.Host.Configuration;

/// <summary>
/// One Udesk company served by this service (<c>Orchestrator:Tenants:{name}</c>). Its Udesk client settings live
/// under <c>Udesk</c> beside these.
/// </summary>
public sealed class TenantOptions
{
    /// <summary>Bearer keys the platform's backend authenticates with; each belongs to this tenant only, several allow rotation.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>The secret path segment (16+ characters) of the Receiving Message URL configured in Udesk.</summary>
    public string PushSecret { get; set; } = "";

    /// <summary>More accepted push secrets beside <see cref="PushSecret"/>, so Udesk's URL can be changed without a gap.</summary>
    public List<string> PushSecrets { get; set; } = [];

    /// <summary><see cref="PushSecret"/> (when set) and <see cref="PushSecrets"/>.</summary>
    public IEnumerable<string> AcceptedPushSecrets() => (PushSecret.Length > 0 ? [PushSecret] : Enumerable.Empty<string>()).Concat(PushSecrets);

    /// <summary>
    /// The structured messages agents can pick on the embedded list page (<c>/udesk/{tenant}/struct-page</c>);
    /// each is sent as it is written here. Names are unique.
    /// </summary>
    public List<StructuredMessageTemplate> StructuredMessages { get; set; } = [];

    /// <summary>Where the tenant's events are POSTed as they happen; none means the platform reads the feed instead.</summary>
    public WebhookOptions? Webhook { get; set; }
}
