using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>A simulator as Udesk and an Orchestrator in front of it, started per test class and torn down after.</summary>
public class Journey : IAsyncLifetime
{
    public UdeskSimulatorServer Udesk { get; private set; } = null!;

    public OrchestratorInstance Orchestrator { get; private set; } = null!;

    public SimulatorControl Simulator { get; private set; } = null!;

    public PlatformApi Customer(string token) => new(Orchestrator.Http, token);

    /// <summary>
    /// A customer in an agent session with <paramref name="agentId"/>, once Udesk's answer and its push are both
    /// recorded (so later sequence numbers move only for what the test does next).
    /// </summary>
    public async Task<(PlatformApi Customer, long Session)> AgentConversation(string token, long agentId)
    {
        var customer = Customer(token);
        return (customer, await customer.AgentSession(agentId));
    }

    /// <summary>Stops the service and starts it again over the same database: a process restart.</summary>
    public async Task Restart()
    {
        var dataFolder = Orchestrator.DataFolder;
        await Orchestrator.DisposeAsync();
        Orchestrator = await OrchestratorInstance.StartAsync(Udesk, dataFolder, Settings());
    }

    public async Task InitializeAsync()
    {
        Udesk = await UdeskSimulatorServer.StartAsync(Options());
        Simulator = new SimulatorControl(Udesk);
        // Queueing tests lower it again.
        await Simulator.GiveAgentsRoom();

        Orchestrator = await OrchestratorInstance.StartAsync(Udesk, settings: Settings());
    }

    /// <summary>The simulator's options; a variant may change them.</summary>
    protected virtual SimulatorOptions Options() => new() { Seed = 20261125 };

    /// <summary>Settings over <see cref="OrchestratorInstance.Configuration"/>, at every start and restart.</summary>
    protected virtual IDictionary<string, string?>? Settings() => null;

    public async Task DisposeAsync()
    {
        await Orchestrator.DisposeAsync();
        Simulator.Dispose();
        await Udesk.DisposeAsync();
    }
}
