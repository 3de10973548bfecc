using System.Net;
using System.Net.Http.Headers;
using Orchestrator.Host.Api;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>
/// Platform Udesk calls ask the company call budget first: with no room they answer 429 with Retry-After and send
/// nothing. A tenant whose Udesk cannot be reached answers 503.
/// </summary>
public sealed class BudgetTests(BudgetTests.TinyBudget host) : IClassFixture<BudgetTests.TinyBudget>
{
    [Fact]
    public async Task Past_the_company_budget_a_call_is_429_with_retry_after_and_never_reaches_Udesk()
    {
        await host.Http.GetAsync("v1/udesk/urobots").Expect(HttpStatusCode.OK);

        var refused = await host.Http.GetAsync("v1/udesk/sensitive-words");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        var problem = await Task.FromResult(refused).ExpectProblem(HttpStatusCode.TooManyRequests);

        Assert.Equal(Problems.BudgetExhausted, problem.Str("type"));
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1), $"Retry-After was {retryAfter}");
        Assert.Equal((int)retryAfter!.Value.TotalSeconds, problem["retry_after_seconds"]!.GetValue<int>());
        Assert.Single(host.CallsTo("im/urobots"));
        Assert.Empty(host.CallsTo("im/im_sensitive_words"));
    }

    [Fact]
    public async Task A_tenant_whose_Udesk_is_unreachable_gets_503()
    {
        using var http = new HttpClient { BaseAddress = host.Orchestrator.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TinyBudget.OfflineApiKey);

        var problem = await http.GetAsync("v1/udesk/urobots").ExpectProblem(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(Problems.UdeskUnavailable, problem.Str("type"));
    }

    /// <summary>One call a minute for the default tenant; a second tenant whose Udesk is a closed port.</summary>
    public sealed class TinyBudget : HostedUdesk
    {
        public const string OfflineApiKey = "offline-api-key-0123456789";

        protected override IDictionary<string, string?> Settings(UdeskSimulatorServer udesk) => new Dictionary<string, string?>
        {
            ["Orchestrator:Udesk:Limits:CallsPerMinuteByTenant:default"] = "1",
            ["Orchestrator:Tenants:offline:ApiKeys:0"] = OfflineApiKey,
            ["Orchestrator:Tenants:offline:PushSecret"] = "offline-push-secret-0123456789",
            ["Orchestrator:Tenants:offline:Udesk:BaseUrl"] = "http://127.0.0.1:1/open_api_v1/",
            ["Orchestrator:Tenants:offline:Udesk:Email"] = "admin@offline.example",
            ["Orchestrator:Tenants:offline:Udesk:ApiToken"] = "offline-token",
            ["Orchestrator:Tenants:offline:Udesk:Resilience:MaxRetryAttempts"] = "1",
            ["Orchestrator:Tenants:offline:Udesk:Resilience:RetryBaseDelay"] = "00:00:00",
            ["Orchestrator:Tenants:offline:Udesk:Resilience:AttemptTimeout"] = "00:00:02",
            ["Orchestrator:Tenants:offline:Udesk:Resilience:TotalTimeout"] = "00:00:05",
        };
    }
}
