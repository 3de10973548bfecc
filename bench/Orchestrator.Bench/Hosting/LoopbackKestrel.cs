using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Bench.Hosting;

/// <summary>A minimal Kestrel app on a free loopback port, for the receivers and references the scenarios drive beside the service.</summary>
internal static class LoopbackKestrel
{
    /// <summary>Maps <paramref name="map"/>'s routes, starts the app, and answers it with its base address (port 0 resolved).</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Action<WebApplication> map, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync(ct);
        return (app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }
}
