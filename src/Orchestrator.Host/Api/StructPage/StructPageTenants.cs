using Microsoft.Extensions.Options;
using Orchestrator.Host.Api;
using Orchestrator.Host.Configuration;
using Orchestrator.Udesk.Configuration;

namespace Orchestrator.Host.Api.StructPage;

/// <summary>What the page needs of a tenant: its structured-message KEY and templates, and the signature check.</summary>
internal sealed class StructPageTenants(IOptions<OrchestratorOptions> options, IOptionsMonitor<UdeskOptions> udesk, TimeProvider time)
{
    public sealed record Settings(string Key, IReadOnlyList<StructuredMessageTemplate> Templates);

    /// <summary>404 for a tenant that does not exist or has no structured-message KEY.</summary>
    public IResult? Find(string tenant, out Settings? settings)
    {
        settings = null;
        if (!options.Value.Tenants.TryGetValue(tenant, out var configured))
        {
            return Problems.Result(Problems.UnknownTenant($"No tenant '{tenant}'."));
        }

        var key = udesk.Get(tenant).StructuredMessageKey;
        if (string.IsNullOrEmpty(key))
        {
            return Problems.Result(Problems.UnknownTenant($"Tenant '{tenant}' has no structured-message KEY configured."));
        }

        settings = new Settings(key, configured.StructuredMessages);
        return null;
    }

    public IResult? Verify(Settings settings, Func<string, string?> read, out StructPageSignature? signature) =>
        StructPageSignature.Verify(read, settings.Key, time.GetUtcNow(), options.Value.StructPageSignatureWindow, out signature);
}
