using Orchestrator.Host.Demo;

namespace Orchestrator.Host.Hosting;

/// <summary>The service as <c>Program</c> builds it: demo mode when asked for, then everything else.</summary>
internal static class OrchestratorApp
{
    /// <summary>
    /// Builds the service from <paramref name="args"/> (and the usual configuration sources);
    /// <paramref name="configure"/> lets tests add configuration or logging before anything is read.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(DemoMode.WithoutSwitch(args));
        DemoMode.ApplySwitch(args, builder.Configuration);
        configure?.Invoke(builder);
        var demo = await DemoMode.ConfigureAsync(builder);
        builder.AddOrchestrator();

        var app = builder.Build();
        app.MapOrchestrator();
        if (demo is not null)
        {
            app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogWarning("{Banner}", demo.Banner));
        }

        return app;
    }
}
