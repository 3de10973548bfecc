using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>With a management port and key, metrics, cluster membership, the OpenAPI document and the API reference answer only there, only with the key.</summary>
public sealed class ManagementTests(ManagementTests.Host host) : IClassFixture<ManagementTests.Host>
{
    private const string Key = "operator-key-0123456789";

    [Theory]
    [InlineData("metrics")]
    [InlineData("cluster/members")]
    [InlineData("openapi/v1.json")]
    [InlineData("scalar/v1")]
    [InlineData("console")]
    [InlineData("console/api/tenants")]
    public async Task Management_routes_answer_on_the_management_port_with_the_key(string path)
    {
        using var http = Management(Key);

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Management_routes_need_the_key()
    {
        using var anonymous = Management(key: null);
        using var withApiKey = Management(Orchestrator.EndToEnd.Tests.Support.OrchestratorInstance.ApiKey);

        await anonymous.GetAsync("metrics").ExpectProblem(HttpStatusCode.Unauthorized);
        await withApiKey.GetAsync("metrics").ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task On_the_service_port_management_routes_are_not_found_while_the_api_and_health_answer()
    {
        using var http = new HttpClient { BaseAddress = host.Orchestrator.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        using var metrics = await http.GetAsync("metrics");
        using var console = await http.GetAsync("console/api/tenants");
        using var health = await http.GetAsync("healthz");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK), (metrics.StatusCode, console.StatusCode, health.StatusCode));
        await host.Http.GetAsync("v1/udesk/pushes/quarantined").Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_document_says_management_routes_need_the_operator_key()
    {
        using var http = Management(Key);

        var document = await http.GetAsync("openapi/v1.json").Expect(HttpStatusCode.OK);

        var scheme = document["components"]?["securitySchemes"]?["ManagementKey"];
        Assert.Equal(("http", "bearer"), (scheme.Str("type"), scheme.Str("scheme")));
        Assert.NotNull(document["paths"]?["/cluster/members"]?["get"]?["security"]?[0]?["ManagementKey"]);
        Assert.NotNull(document["paths"]?["/cluster/members"]?["get"]?["responses"]?["401"]);
    }

    private HttpClient Management(string? key)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.ManagementPort}/") };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    public sealed class Host : HostedUdesk
    {
        public int ManagementPort { get; } = FreePort();

        protected override IDictionary<string, string?> Settings(UdeskSimulatorServer udesk) => new Dictionary<string, string?>(base.Settings(udesk))
        {
            ["Orchestrator:Management:Port"] = ManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orchestrator:Management:Key"] = Key,
        };

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
    }
}
