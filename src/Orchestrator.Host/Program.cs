using Orchestrator.Host.Hosting;

var app = await OrchestratorApp.BuildAsync(args);
await app.RunAsync();

/// <summary>The entry point, visible to tests that host the service.</summary>
public partial class Program;
