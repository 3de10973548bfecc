using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Host.Hosting;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>The demo runs only when asked for; without it and without tenants the service does not start.</summary>
public sealed class DemoModeTests
{
    private readonly string store = $"--Orchestrator:Store:ConnectionString=Data Source={Path.Combine(Path.GetTempPath(), "orchestrator-demo-tests", Guid.NewGuid().ToString("N"), "o.db")}";

    [Fact]
    public async Task Without_tenants_and_without_the_demo_the_service_refuses_to_start_naming_the_keys_it_expected()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => OrchestratorApp.BuildAsync([store]));

        Assert.Contains("No tenant is configured", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Orchestrator:Tenants:{name}:ApiKeys:0", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Orchestrator:Tenants:{name}:PushSecret", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Orchestrator:Tenants:{name}:Udesk:BaseUrl", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Orchestrator:Demo:Enabled=true", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_together_with_configured_tenants_refuses_to_start()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => OrchestratorApp.BuildAsync(
            ["--demo", store, "--Orchestrator:Tenants:acme:PushSecret=acme-push-secret-0123456789"]));

        Assert.Contains("Orchestrator:Demo:Enabled is true but tenants are configured (acme)", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--demo")]
    [InlineData("--Orchestrator:Demo:Enabled=true")]
    public async Task The_demo_when_asked_for_prints_its_banner_and_answers_with_the_demo_key(string demoSwitch)
    {
        var logs = new CollectedLogs();
        var app = await OrchestratorApp.BuildAsync(
            [demoSwitch, "--urls=http://127.0.0.1:0", "--Orchestrator:Demo:SimulatorUrl=http://127.0.0.1:0", store],
            builder => builder.Logging.AddProvider(logs));
        await using var simulator = app.Services.GetRequiredService<UdeskSimulatorServer>();
        await using (app)
        {
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "orchestrator-demo-key");

            await http.PutAsJsonAsync("v1/customers/demo-alice", new JsonObject { ["nick_name"] = "Alice" }).Expect(HttpStatusCode.Created);

            using var operatorHttp = new HttpClient { BaseAddress = http.BaseAddress };
            operatorHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "orchestrator-demo-operator-key");
            var tenants = await operatorHttp.GetAsync("console/api/tenants").Expect(HttpStatusCode.OK);
            using var anonymous = new HttpClient { BaseAddress = http.BaseAddress };
            using var metrics = await anonymous.GetAsync("metrics");

            Assert.Contains(logs.Lines, line => line.Contains("Orchestrator demo (Orchestrator:Demo:Enabled)", StringComparison.Ordinal)
                && line.Contains("Bearer orchestrator-demo-key", StringComparison.Ordinal)
                && line.Contains("console   (operator key: orchestrator-demo-operator-key)", StringComparison.Ordinal));
            Assert.Equal("default", tenants["tenants"]![0]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
            Assert.Contains(simulator.World.Customers, customer => customer.CustomerToken == "demo-alice");
            await app.StopAsync();
        }
    }
}
