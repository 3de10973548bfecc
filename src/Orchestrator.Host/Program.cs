using Orchestrator.Host.Demo;
using Orchestrator.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);
var demo = await DemoMode.ConfigureAsync(builder);
builder.AddOrchestrator();

var app = builder.Build();
app.MapOrchestrator();
if (demo is not null)
{
    app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation("{Banner}", demo.Banner));
}

await app.RunAsync();

/// <summary>The entry point, visible to tests that host the service.</summary>
public partial class Program;
