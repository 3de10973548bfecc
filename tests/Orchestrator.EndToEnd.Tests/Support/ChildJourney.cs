using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>A simulator as Udesk and the service as a child process in front of it, for a test class.</summary>
public sealed class ChildJourney : IAsyncLifetime
{
    public UdeskSimulatorServer Udesk { get; private set; } = null!;

    public ChildOrchestrator Orchestrator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Udesk = await UdeskSimulatorServer.StartAsync(new SimulatorOptions { Seed = 20261130 });
        Orchestrator = new ChildOrchestrator(Udesk);
        await Orchestrator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Orchestrator.DisposeAsync();
        await Udesk.DisposeAsync();
    }
}
