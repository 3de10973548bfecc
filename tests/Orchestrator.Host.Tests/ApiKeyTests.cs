using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>
/// A tenant's keys in every configured form are accepted side by side (rotation); the key's name, never the key,
/// is in the logs of its requests; several push secrets are accepted likewise.
/// </summary>
public sealed class ApiKeyTests(ApiKeyTests.Host host) : IClassFixture<ApiKeyTests.Host>
{
    public const string HashedKey = "rotated-key-by-hash-0123456789";
    public const string NamedKey = "named-plain-key-0123456789";
    public const string NextPushSecret = "next-push-secret-0123456789";

    [Theory]
    [InlineData(OrchestratorInstance.ApiKey)]
    [InlineData(HashedKey)]
    [InlineData(NamedKey)]
    public async Task Every_active_key_of_the_tenant_is_accepted(string key)
    {
        using var response = await Send(key, "v1/udesk/pushes/quarantined");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_key_that_is_only_a_configured_hash_is_not_itself_accepted()
    {
        using var response = await Send(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(HashedKey))), "v1/udesk/pushes/quarantined");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_logs_of_a_request_name_its_key_and_never_contain_it()
    {
        using var response = await Send(HashedKey, "v1/conversations/api-key-logged");

        Assert.Contains(host.Logs.Lines, line => line.Contains("ApiKeyName=backend-2026", StringComparison.Ordinal) && line.Contains("Tenant=default", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(HashedKey, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(OrchestratorInstance.PushSecret, HttpStatusCode.OK)]
    [InlineData(NextPushSecret, HttpStatusCode.OK)]
    [InlineData("not-a-push-secret-0123456789", HttpStatusCode.NotFound)]
    public async Task Every_configured_push_secret_is_accepted_and_no_other(string secret, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = host.Orchestrator.Address };
        using var response = await http.PostAsync($"udesk/{OrchestratorInstance.Tenant}/push/{secret}", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<HttpResponseMessage> Send(string key, string path)
    {
        using var http = new HttpClient { BaseAddress = host.Orchestrator.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.GetAsync(path);
    }

    public sealed class Host : HostedUdesk
    {
        public CollectedLogs Logs { get; } = new();

        protected override IDictionary<string, string?> Settings(UdeskSimulatorServer udesk) => new Dictionary<string, string?>(base.Settings(udesk))
        {
            ["Orchestrator:Tenants:default:ApiKeys:1:Name"] = "backend-2026",
            ["Orchestrator:Tenants:default:ApiKeys:1:Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(HashedKey))).ToLowerInvariant(),
            ["Orchestrator:Tenants:default:ApiKeys:2:Name"] = "backend-b",
            ["Orchestrator:Tenants:default:ApiKeys:2:Key"] = NamedKey,
            ["Orchestrator:Tenants:default:PushSecrets:0"] = NextPushSecret,
        };

        protected override void Configure(WebApplicationBuilder builder)
        {
            Logs.CaptureFrom(builder.Logging);
        }
    }
}
