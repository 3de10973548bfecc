using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>
/// A simulator as Udesk, a <see cref="WebhookReceiver"/> as the platform, and an Orchestrator whose tenant delivers
/// to it, with small back-offs. Patient: retries go on (almost) forever, so nothing is dead-lettered.
/// </summary>
public class WebhookJourney : IAsyncLifetime
{
    public const string Secret = "whsec-e2e-0123456789abcdef";

    public UdeskSimulatorServer Udesk { get; private set; } = null!;

    public OrchestratorInstance Orchestrator { get; private set; } = null!;

    public SimulatorControl Simulator { get; private set; } = null!;

    public WebhookReceiver Receiver { get; } = new(Secret);

    /// <summary>Attempts per event before it is dead-lettered.</summary>
    protected virtual int MaxAttempts => 1000;

    public PlatformApi Customer(string token) => new(Orchestrator.Http, token);

    /// <summary>Stops the service and starts it again over the same database: a process restart.</summary>
    public async Task Restart()
    {
        var dataFolder = Orchestrator.DataFolder;
        await Orchestrator.DisposeAsync();
        Orchestrator = await OrchestratorInstance.StartAsync(Udesk, dataFolder, Settings());
    }

    public async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        Udesk = await UdeskSimulatorServer.StartAsync(new SimulatorOptions { Seed = 20261125 });
        Simulator = new SimulatorControl(Udesk);
        await Simulator.GiveAgentsRoom();

        Orchestrator = await OrchestratorInstance.StartAsync(Udesk, settings: Settings());
    }

    public async Task DisposeAsync()
    {
        await Orchestrator.DisposeAsync();
        Simulator.Dispose();
        await Udesk.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    /// <summary>The service's settings: the tenant's webhook to <see cref="Receiver"/>, small back-offs.</summary>
    protected virtual Dictionary<string, string?> Settings() => new()
    {
        [$"Orchestrator:Tenants:{OrchestratorInstance.Tenant}:Webhook:Url"] = Receiver.Url.AbsoluteUri,
        [$"Orchestrator:Tenants:{OrchestratorInstance.Tenant}:Webhook:Secret"] = Secret,
        ["Orchestrator:Delivery:MinBackoff"] = "00:00:00.050",
        ["Orchestrator:Delivery:MaxBackoff"] = "00:00:02",
        ["Orchestrator:Delivery:AttemptTimeout"] = "00:00:00.500",
        ["Orchestrator:Delivery:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The same with three attempts per event, for dead letters.</summary>
public sealed class ImpatientWebhookJourney : WebhookJourney
{
    protected override int MaxAttempts => 3;
}
