using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Host.Api;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>Each API key has its own request rate; Udesk's push route and the health routes have none.</summary>
public sealed class RateLimitTests(RateLimitTests.Host host) : IClassFixture<RateLimitTests.Host>
{
    private const int Burst = 3;
    private const string SecondKey = "second-rate-limited-key-0123456789";

    [Fact]
    public async Task The_request_past_the_burst_is_429_with_retry_after_and_another_key_is_not_affected()
    {
        using var first = Client(OrchestratorInstance.ApiKey);
        for (var i = 0; i < Burst; i++)
        {
            await first.GetAsync("v1/udesk/pushes/quarantined").Expect(HttpStatusCode.OK);
        }

        using var refused = await first.GetAsync("v1/udesk/pushes/quarantined");
        var problem = await Task.FromResult(refused).ExpectProblem(HttpStatusCode.TooManyRequests);

        Assert.Equal(Problems.TooManyRequests, problem.Str("type"));
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        using var second = Client(SecondKey);
        await second.GetAsync("v1/udesk/pushes/quarantined").Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pushes_and_health_checks_are_not_limited()
    {
        using var http = new HttpClient { BaseAddress = host.Orchestrator.Address };
        for (var i = 0; i < Burst * 2; i++)
        {
            using var push = await http.PostAsync(host.Orchestrator.PushUrl, new StringContent("{}", Encoding.UTF8, "application/json"));
            using var health = await http.GetAsync("healthz");
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (push.StatusCode, health.StatusCode));
        }
    }

    private HttpClient Client(string key)
    {
        var http = new HttpClient { BaseAddress = host.Orchestrator.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    public sealed class Host : HostedUdesk
    {
        // One permit per 1000 s: the bucket does not refill while a test runs, however slow the machine.
        protected override IDictionary<string, string?> Settings(UdeskSimulatorServer udesk) => new Dictionary<string, string?>(base.Settings(udesk))
        {
            ["Orchestrator:RateLimit:PermitsPerSecond"] = "0.001",
            ["Orchestrator:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orchestrator:Tenants:default:ApiKeys:1"] = SecondKey,
        };
    }
}
