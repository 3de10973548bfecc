using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Host.Hosting;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>
/// The service as it runs in production, on a loopback port with a real SQLite file, its one tenant's Udesk being
/// a <see cref="UdeskSimulatorServer"/> that pushes back to it. Disposing and starting another over the same
/// <see cref="DataFolder"/> is a process restart.
/// </summary>
public sealed class OrchestratorInstance : IAsyncDisposable
{
    public const string Tenant = "default";
    public const string ApiKey = "e2e-api-key-0123456789";
    public const string PushSecret = "e2e-push-secret-0123456789";

    private readonly WebApplication app;

    private OrchestratorInstance(WebApplication app, Uri address, string dataFolder)
    {
        this.app = app;
        Address = address;
        DataFolder = dataFolder;
        Http = new HttpClient { BaseAddress = address };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public Uri Address { get; }

    public string DataFolder { get; }

    /// <summary>Authenticated as the tenant's platform backend.</summary>
    public HttpClient Http { get; }

    /// <summary>The running service's services (its actor system, for tests that reach the journal or snapshot store).</summary>
    public IServiceProvider Services => app.Services;

    public Uri PushUrl => new(Address, $"udesk/{Tenant}/push/{PushSecret}");

    /// <summary>Starts the service; <paramref name="configure"/> may add logging or services before it is built.</summary>
    public static async Task<OrchestratorInstance> StartAsync(
        UdeskSimulatorServer udesk, string? dataFolder = null, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        dataFolder ??= Path.Combine(Path.GetTempPath(), "orchestrator-e2e", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(Configuration(udesk, dataFolder));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        configure?.Invoke(builder);
        builder.AddOrchestrator();
        var app = builder.Build();
        app.MapOrchestrator();
        await app.StartAsync();

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        var instance = new OrchestratorInstance(app, address, dataFolder);
        udesk.Settings.PushUrl = instance.PushUrl;
        return instance;
    }

    /// <summary>The tenant and store settings every instance runs with (an in-process one, or a child process as environment variables).</summary>
    public static Dictionary<string, string?> Configuration(UdeskSimulatorServer udesk, string dataFolder) => new()
    {
        [$"Orchestrator:Tenants:{Tenant}:ApiKeys:0"] = ApiKey,
        [$"Orchestrator:Tenants:{Tenant}:PushSecret"] = PushSecret,
        [$"Orchestrator:Tenants:{Tenant}:Udesk:BaseUrl"] = udesk.OpenApiBaseUrl.AbsoluteUri,
        [$"Orchestrator:Tenants:{Tenant}:Udesk:Email"] = udesk.Options.Email,
        [$"Orchestrator:Tenants:{Tenant}:Udesk:ApiToken"] = udesk.Options.ApiToken,
        [$"Orchestrator:Tenants:{Tenant}:Udesk:StructuredMessageKey"] = udesk.Options.StructuredMessageKey,
        ["Orchestrator:Store:ConnectionString"] = $"Data Source={Path.Combine(dataFolder, "orchestrator.db")}",
        ["Orchestrator:Conversations:RetryMinBackoff"] = "00:00:00.050",
        ["Orchestrator:Conversations:QueuePollInterval"] = "00:00:01",
        // Polling tests and concurrent customers share one key: only tests of the per-key limit set it low.
        ["Orchestrator:RateLimit:PermitsPerSecond"] = "100000",
        ["Orchestrator:RateLimit:Burst"] = "100000",
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
