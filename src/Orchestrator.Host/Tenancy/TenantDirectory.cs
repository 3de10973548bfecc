using System.Collections.Frozen;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Tenancy;

/// <summary>
/// Which tenant and key an API key is, and which push secrets a tenant accepts. Only hashes are kept; every lookup
/// compares the presented secret's hash against all candidates in constant time.
/// </summary>
public sealed class TenantDirectory
{
    private readonly ApiKeyIdentity[] apiKeys;
    private readonly byte[][] apiKeyHashes;
    private readonly FrozenDictionary<string, byte[][]> pushSecretHashesByTenant;

    public TenantDirectory(IReadOnlyDictionary<string, TenantOptions> tenants)
    {
        var keys = tenants.SelectMany(t => t.Value.ApiKeys.Select((key, i) => (Identity: new ApiKeyIdentity(t.Key, key.NameAt(i)), Hash: key.Hash()))).ToArray();
        apiKeys = keys.Select(k => k.Identity).ToArray();
        apiKeyHashes = keys.Select(k => k.Hash).ToArray();
        pushSecretHashesByTenant = tenants.ToFrozenDictionary(
            t => t.Key, t => t.Value.AcceptedPushSecrets().Select(SecretHash.Of).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The tenant and name of <paramref name="apiKey"/>, or null for a key nobody issued.</summary>
    public ApiKeyIdentity? Authenticate(string apiKey) => SecretHash.IndexIn(SecretHash.Of(apiKey), apiKeyHashes) is var i and >= 0 ? apiKeys[i] : null;

    public bool IsPushSecret(string tenant, string secret) =>
        pushSecretHashesByTenant.TryGetValue(tenant, out var accepted) && SecretHash.IndexIn(SecretHash.Of(secret), accepted) >= 0;
}

/// <summary>Who an API key is: its tenant, and the configured name logs may show (never the key).</summary>
public sealed record ApiKeyIdentity(string Tenant, string Name);
