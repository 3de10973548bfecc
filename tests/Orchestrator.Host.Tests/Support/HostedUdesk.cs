using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;
using Orchestrator.Udesk.Simulator.Logging;

namespace Orchestrator.Host.Tests.Support;

/// <summary>
/// The real service on loopback with a temp SQLite file, its tenant's Udesk being an in-process simulator; started
/// once per test class. Budgets are generous unless a subclass says otherwise, so tests of one class never wait.
/// </summary>
public class HostedUdesk : IAsyncLifetime
{
    public UdeskSimulatorServer Udesk { get; private set; } = null!;

    public OrchestratorInstance Orchestrator { get; private set; } = null!;

    public SimulatorControl Simulator { get; private set; } = null!;

    /// <summary>Authenticated as the default tenant's platform backend.</summary>
    public HttpClient Http => Orchestrator.Http;

    /// <summary>Orchestrator settings on top of the instance's own.</summary>
    protected virtual IDictionary<string, string?> Settings(UdeskSimulatorServer udesk) => new Dictionary<string, string?>
    {
        ["Orchestrator:Udesk:Limits:CallsPerMinute"] = "10000",
    };

    /// <summary>Anything else the service needs before it is built (logging, say).</summary>
    protected virtual void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
    {
    }

    /// <summary>Udesk calls received so far whose path ends with <paramref name="path"/> (e.g. <c>im/sessions/survey</c>).</summary>
    public IReadOnlyList<CallRecord> CallsTo(string path, string? method = null) =>
        Udesk.Log.Calls.Where(c => c.Path.EndsWith("/" + path, StringComparison.Ordinal) && (method is null || c.Method == method)).ToList();

    public async Task InitializeAsync()
    {
        Udesk = await UdeskSimulatorServer.StartAsync(new SimulatorOptions
        {
            Seed = 20251125,
            CompanyCallsPerMinute = 10_000,
            StructuredMessageInterval = TimeSpan.FromMilliseconds(1),
        });
        Simulator = new SimulatorControl(Udesk);
        foreach (var agent in Udesk.World.Agents)
        {
            // Every test's customer gets an agent at once instead of queueing behind the others'.
            Udesk.World.SetAgent(agent.Id, capacity: 1000);
        }

        Orchestrator = await OrchestratorInstance.StartAsync(Udesk, settings: Settings(Udesk), configure: Configure);
    }

    public async Task DisposeAsync()
    {
        await Orchestrator.DisposeAsync();
        Simulator.Dispose();
        await Udesk.DisposeAsync();
    }
}
