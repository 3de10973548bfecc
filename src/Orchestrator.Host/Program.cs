using Orchestrator.Host.CommandLine;
using Orchestrator.Host.Hosting;
using Orchestrator.Host.Migration;

if (SchemaMigration.IsRequested(args))
{
    return await SchemaMigration.RunAsync(args);
}

if (JournalRetag.IsRequested(args))
{
    return await JournalRetag.RunAsync(args);
}

if (AuditCommandLine.IsRequested(args))
{
    return await AuditCommandLine.RunAsync(args);
}

var app = await OrchestratorApp.BuildAsync(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to tests that host the service.</summary>
public partial class Program;
