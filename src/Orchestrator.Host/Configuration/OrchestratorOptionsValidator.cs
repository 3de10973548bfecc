using Microsoft.Extensions.Options;

namespace Orchestrator.Host.Configuration;

/// <summary>Checks across sections that data annotations cannot express.</summary>
internal sealed class OrchestratorOptionsValidator : IValidateOptions<OrchestratorOptions>
{
    public const string NoTenant =
        "No tenant is configured (is an environment variable name misspelt?). Configure each Udesk company under "
        + "Orchestrator:Tenants:{name}: Orchestrator:Tenants:{name}:ApiKeys:0, Orchestrator:Tenants:{name}:PushSecret, "
        + "Orchestrator:Tenants:{name}:Udesk:BaseUrl, Orchestrator:Tenants:{name}:Udesk:Email, Orchestrator:Tenants:{name}:Udesk:ApiToken, "
        + "Orchestrator:Tenants:{name}:Udesk:StructuredMessageKey. To try the service against the built-in simulator instead, "
        + "set Orchestrator:Demo:Enabled=true (or pass --demo).";

    public ValidateOptionsResult Validate(string? name, OrchestratorOptions options)
    {
        var failures = new List<string>();
        if (options.Tenants.Count == 0)
        {
            failures.Add(NoTenant);
        }

        foreach (var (tenant, settings) in options.Tenants)
        {
            var prefix = $"Orchestrator:Tenants:{tenant}";
            failures.AddRange(ApiKeyProblems(prefix, settings.ApiKeys));
            failures.AddRange(PushSecretProblems(prefix, settings));

            var templates = settings.StructuredMessages;
            for (var i = 0; i < templates.Count; i++)
            {
                failures.AddRange(templates[i].Problems($"{prefix}:StructuredMessages:{i}"));
            }

            if (settings.Webhook is { } webhook)
            {
                failures.AddRange(webhook.Problems($"{prefix}:Webhook"));
            }

            failures.AddRange(templates.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"{prefix}:StructuredMessages has several templates named '{g.Key}'; names are unique."));
        }

        if (failures.Count == 0)
        {
            failures.AddRange(SharedKeys(options.Tenants));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> ApiKeyProblems(string prefix, List<ApiKeyOptions> keys)
    {
        if (keys.Count == 0)
        {
            return [$"{prefix}:ApiKeys needs at least one key ({prefix}:ApiKeys:0, or :ApiKeys:0:Name with :Key or :Sha256)."];
        }

        var duplicateNames = keys.Select((key, i) => key.NameAt(i)).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{prefix}:ApiKeys has several keys named '{g.Key}'; names are unique within a tenant.");
        return keys.SelectMany((key, i) => key.Problems($"{prefix}:ApiKeys:{i}")).Concat(duplicateNames);
    }

    private static IEnumerable<string> PushSecretProblems(string prefix, TenantOptions tenant)
    {
        if (!tenant.AcceptedPushSecrets().Any())
        {
            yield return $"{prefix}:PushSecret (or {prefix}:PushSecrets:0) is required: the secret path segment of Udesk's Receiving Message URL.";
        }

        if (tenant.PushSecret.Length is > 0 and < ApiKeyOptions.MinimumKeyLength)
        {
            yield return $"{prefix}:PushSecret needs {ApiKeyOptions.MinimumKeyLength} or more characters.";
        }

        for (var i = 0; i < tenant.PushSecrets.Count; i++)
        {
            if (tenant.PushSecrets[i].Length < ApiKeyOptions.MinimumKeyLength)
            {
                yield return $"{prefix}:PushSecrets:{i} needs {ApiKeyOptions.MinimumKeyLength} or more characters.";
            }
        }
    }

    /// <summary>A key (in either form) configured for several tenants would name no tenant; checked on hashes once every key is well-formed.</summary>
    private static IEnumerable<string> SharedKeys(Dictionary<string, TenantOptions> tenants) =>
        tenants.SelectMany(t => t.Value.ApiKeys.Select((key, i) => (Hash: Convert.ToHexString(key.Hash()), Key: $"Orchestrator:Tenants:{t.Key}:ApiKeys:{i}")))
            .GroupBy(k => k.Hash)
            .Where(g => g.Count() > 1)
            .Select(g => $"The same API key is configured as {string.Join(" and ", g.Select(k => k.Key))}; each key is unique across tenants and within one.");
}
