using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Tests;

/// <summary>API keys and push secrets are checked at start, each failure naming its key.</summary>
public sealed class TenantOptionsTests
{
    private const string Key = "a-key-of-sixteen-plus";
    private const string Secret = "a-push-secret-of-sixteen-plus";

    [Fact]
    public void Keys_bind_from_the_plain_and_the_named_forms_and_plain_ones_are_named_by_position()
    {
        var options = Bind(new()
        {
            ["Orchestrator:Tenants:a:ApiKeys:0"] = Key,
            ["Orchestrator:Tenants:a:ApiKeys:1:Name"] = "rotated",
            ["Orchestrator:Tenants:a:ApiKeys:1:Sha256"] = Sha256("another-key-of-sixteen-plus"),
            ["Orchestrator:Tenants:a:PushSecret"] = Secret,
        });

        var keys = options.Tenants["a"].ApiKeys;
        Assert.Equal(["key-0", "rotated"], keys.Select((k, i) => k.NameAt(i)));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(Key)), keys[0].Hash());
    }

    [Theory]
    [InlineData("Orchestrator:Tenants:a:ApiKeys:0", "short", "Orchestrator:Tenants:a:ApiKeys:0: the key needs 16 or more characters.")]
    [InlineData("Orchestrator:Tenants:a:ApiKeys:0:Sha256", "abc", "Orchestrator:Tenants:a:ApiKeys:0:Sha256 must be 64 hexadecimal digits")]
    [InlineData("Orchestrator:Tenants:a:ApiKeys:0:Name", "no-key", "Orchestrator:Tenants:a:ApiKeys:0 needs either Key or Sha256")]
    [InlineData("Orchestrator:Tenants:a:PushSecret", "short", "Orchestrator:Tenants:a:PushSecret needs 16 or more characters.")]
    [InlineData("Orchestrator:Tenants:a:PushSecrets:0", "short", "Orchestrator:Tenants:a:PushSecrets:0 needs 16 or more characters.")]
    public void A_bad_key_or_secret_fails_naming_its_setting(string setting, string value, string failure)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Orchestrator:Tenants:a:PushSecret"] = Secret,
            [setting] = value,
        }));

        Assert.Contains(refused.Failures, f => f.StartsWith(failure, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_configured_both_with_and_without_both_fields_is_refused()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Orchestrator:Tenants:a:ApiKeys:0:Key"] = Key,
            ["Orchestrator:Tenants:a:ApiKeys:0:Sha256"] = Sha256(Key),
            ["Orchestrator:Tenants:a:PushSecret"] = Secret,
        }));

        Assert.Contains(refused.Failures, f => f.StartsWith("Orchestrator:Tenants:a:ApiKeys:0 needs either Key or Sha256", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_key_for_two_tenants_is_refused_even_when_one_gives_its_hash()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Orchestrator:Tenants:a:ApiKeys:0"] = Key,
            ["Orchestrator:Tenants:a:PushSecret"] = Secret,
            ["Orchestrator:Tenants:b:ApiKeys:0:Sha256"] = Sha256(Key),
            ["Orchestrator:Tenants:b:PushSecret"] = Secret,
        }));

        Assert.Contains(refused.Failures, f => f.Contains("Orchestrator:Tenants:a:ApiKeys:0 and Orchestrator:Tenants:b:ApiKeys:0", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_keys_of_one_tenant_with_one_name_and_a_tenant_without_push_secret_are_refused()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Orchestrator:Tenants:a:ApiKeys:0:Name"] = "backend",
            ["Orchestrator:Tenants:a:ApiKeys:0:Key"] = Key,
            ["Orchestrator:Tenants:a:ApiKeys:1:Name"] = "backend",
            ["Orchestrator:Tenants:a:ApiKeys:1:Key"] = "another-key-of-sixteen-plus",
        }));

        Assert.Contains(refused.Failures, f => f.Contains("several keys named 'backend'", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.StartsWith("Orchestrator:Tenants:a:PushSecret (or Orchestrator:Tenants:a:PushSecrets:0) is required", StringComparison.Ordinal));
    }

    private static string Sha256(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static OrchestratorOptions Bind(Dictionary<string, string?> settings)
    {
        if (!settings.Keys.Any(k => k.StartsWith("Orchestrator:Tenants:a:ApiKeys", StringComparison.Ordinal)))
        {
            settings["Orchestrator:Tenants:a:ApiKeys:0"] = Key;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return ValidatedConfiguration.Bind(configuration, OrchestratorOptions.Section, new OrchestratorOptionsValidator());
    }
}
