namespace Orchestrator.Host.Configuration;

/// <summary>Where a tenant's events are POSTed (<c>Orchestrator:Tenants:{name}:Webhook</c>) and how they are signed.</summary>
public sealed class WebhookOptions
{
    /// <summary>The platform's receiver: an absolute http or https URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>The HMAC-SHA256 key (16+ characters) of the <c>X-Orchestrator-Signature</c> header.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Also deliver agent-only and bookkeeping events (the feed's <c>internal</c> ones).</summary>
    public bool IncludeInternal { get; set; }

    public Uri TargetUri() => new(Url, UriKind.Absolute);

    /// <summary>What is wrong with these settings, each naming its key under <paramref name="prefix"/>.</summary>
    public IEnumerable<string> Problems(string prefix)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return $"{prefix}:Url must be an absolute http or https URL.";
        }

        if (Secret.Length < 16)
        {
            yield return $"{prefix}:Secret needs 16 or more characters.";
        }
    }
}
