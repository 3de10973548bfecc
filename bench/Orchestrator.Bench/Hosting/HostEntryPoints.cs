using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Host.Conversations;

namespace Orchestrator.Bench.Hosting;

/// <summary>
/// <c>builder.AddOrchestrator()</c> and <c>app.MapOrchestrator()</c>, the service's own start-up, which are internal
/// to Orchestrator.Host (visible to its test projects only); reached by reflection so the bench hosts exactly what
/// production runs without src/ changing for it.
/// </summary>
internal static class HostEntryPoints
{
    private static readonly Assembly HostAssembly = typeof(ConversationClient).Assembly;

    public static void AddOrchestrator(WebApplicationBuilder builder) => Invoke("Orchestrator.Host.Hosting.OrchestratorServices", "AddOrchestrator", builder);

    public static void MapOrchestrator(WebApplication app) => Invoke("Orchestrator.Host.Hosting.OrchestratorEndpoints", "MapOrchestrator", app);

    private static void Invoke(string typeName, string methodName, object argument)
    {
        var method = HostAssembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException(typeName, methodName);
        try
        {
            method.Invoke(null, [argument]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }
}
