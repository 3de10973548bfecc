using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Tenancy;

/// <summary>Which tenant an API key or a push URL belongs to. Secrets are compared as hashes, in constant time.</summary>
public sealed class TenantDirectory
{
    private readonly FrozenDictionary<string, string> tenantByKeyHash;
    private readonly FrozenDictionary<string, byte[]> pushSecretHashByTenant;

    public TenantDirectory(IReadOnlyDictionary<string, TenantOptions> tenants)
    {
        tenantByKeyHash = tenants
            .SelectMany(t => t.Value.ApiKeys.Select(key => (Hash: Convert.ToHexString(Hash(key)), Tenant: t.Key)))
            .ToFrozenDictionary(p => p.Hash, p => p.Tenant);
        pushSecretHashByTenant = tenants.ToFrozenDictionary(t => t.Key, t => Hash(t.Value.PushSecret), StringComparer.Ordinal);
    }

    public IEnumerable<string> Tenants => pushSecretHashByTenant.Keys;

    public string? TenantOfApiKey(string apiKey) => tenantByKeyHash.GetValueOrDefault(Convert.ToHexString(Hash(apiKey)));

    public bool IsPushSecret(string tenant, string secret) =>
        pushSecretHashByTenant.TryGetValue(tenant, out var expected) && CryptographicOperations.FixedTimeEquals(expected, Hash(secret));

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
