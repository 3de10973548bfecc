using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Host.Conversations;
using Orchestrator.Host.Hosting;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Bench.Hosting;

/// <summary>
/// The service as production runs it (its own start-up, Kestrel on a loopback port, the real journal), one tenant
/// whose Udesk is a <see cref="UdeskSimulatorServer"/>; returned once <c>/readyz</c> answers 200.
/// </summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    public const string Tenant = "default";
    public const string ApiKey = "bench-api-key-0123456789";
    public const string PushSecret = "bench-push-secret-0123456789";

    private readonly WebApplication app;

    private ServiceUnderTest(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
        Api = LoadHttp.Create(address);
        Api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public Uri Address { get; }

    /// <summary>The platform API, authenticated as the tenant's backend.</summary>
    public HttpClient Api { get; }

    /// <summary>Udesk's Receiving Message URL path, relative to <see cref="Address"/>.</summary>
    public static string PushPath => $"udesk/{Tenant}/push/{PushSecret}";

    public IServiceProvider Services => app.Services;

    public ConversationClient Conversations => Services.GetRequiredService<ConversationClient>();

    public Task<IActorRef> ConversationRegion() => Services.GetRequiredService<IRequiredActor<ConversationRegion>>().GetAsync();

    public static async Task<ServiceUnderTest> StartAsync(UdeskSimulatorServer udesk, IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Orchestrator:Tenants:{Tenant}:ApiKeys:0"] = ApiKey,
            [$"Orchestrator:Tenants:{Tenant}:PushSecret"] = PushSecret,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:BaseUrl"] = udesk.OpenApiBaseUrl.AbsoluteUri,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:Email"] = udesk.Options.Email,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:ApiToken"] = udesk.Options.ApiToken,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:StructuredMessageKey"] = udesk.Options.StructuredMessageKey,
            // The bench drives one key far past a platform's rate: measure the service, not the per-key limit.
            ["Orchestrator:RateLimit:PermitsPerSecond"] = "1000000",
            ["Orchestrator:RateLimit:Burst"] = "1000000",
        });
        builder.Configuration.AddInMemoryCollection(settings);

        builder.AddOrchestrator();
        var app = builder.Build();
        app.MapOrchestrator();
        await app.StartAsync(ct);

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/");
        var service = new ServiceUnderTest(app, address);
        udesk.Settings.PushUrl = new Uri(address, PushPath);
        await service.WaitUntilReadyAsync(ct);
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var response = await Api.GetAsync("readyz", ct);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The service did not become ready within 60 s (last /readyz: {(int)response.StatusCode}).");
            }

            await Task.Delay(100, ct);
        }
    }
}
