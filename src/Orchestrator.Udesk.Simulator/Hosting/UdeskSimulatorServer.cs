using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Control;
using Orchestrator.Udesk.Simulator.Logging;
using Orchestrator.Udesk.Simulator.Pushes;
using Orchestrator.Udesk.Simulator.RateLimiting;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Hosting;

/// <summary>
/// The simulator on its own Kestrel at <c>http://127.0.0.1:{free port}</c>, for tests and demos in-process.
/// Point <c>UdeskOptions.BaseUrl</c> at <see cref="OpenApiBaseUrl"/>.
/// </summary>
public sealed class UdeskSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private UdeskSimulatorServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server root, ending in '/'; the control API is at <c>_sim/</c> under it.</summary>
    public Uri BaseAddress { get; }

    /// <summary><see cref="BaseAddress"/> + <c>open_api_v1/</c>: what <c>UdeskOptions.BaseUrl</c> expects.</summary>
    public Uri OpenApiBaseUrl => new(BaseAddress, "open_api_v1/");

    /// <summary>The options in force (after defaults were filled in).</summary>
    public SimulatorOptions Options => Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;

    public SimulatorWorld World => Services.GetRequiredService<SimulatorWorld>();

    /// <summary>What the world did per customer token (<c>GET /_sim/effects</c>); see <see cref="SimulatorWorld.EffectsOf"/> for one.</summary>
    public IReadOnlyDictionary<string, CustomerEffectsView> Effects => World.Effects;

    public SimulatorLog Log => Services.GetRequiredService<SimulatorLog>();

    public RateLimiter RateLimits => Services.GetRequiredService<RateLimiter>();

    public SimulatorSettings Settings => Services.GetRequiredService<SimulatorSettings>();

    public PushDispatcher Pushes => Services.GetRequiredService<PushDispatcher>();

    public int Seed => Services.GetRequiredService<SimulatorRandom>().Seed;

    public IServiceProvider Services => app.Services;

    public static Task<UdeskSimulatorServer> StartAsync(SimulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, TimeProvider.System, listenOn: null, ct);

    /// <summary>
    /// Starts a simulator whose clock (timestamps, nonce window, rate limits, push time-outs) is
    /// <paramref name="timeProvider"/>, listening on <paramref name="listenOn"/> (a free loopback port if null).
    /// </summary>
    public static async Task<UdeskSimulatorServer> StartAsync(SimulatorOptions options, TimeProvider timeProvider, Uri? listenOn = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listenOn?.AbsoluteUri.TrimEnd('/') ?? "http://127.0.0.1:0");
        builder.Services.AddSingleton(timeProvider);
        builder.Services.AddUdeskSimulator(options.CopyTo);
        var app = builder.Build();
        app.MapUdeskSimulator();
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new UdeskSimulatorServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
