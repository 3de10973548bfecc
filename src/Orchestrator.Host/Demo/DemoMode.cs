using Orchestrator.Host.Configuration;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Demo;

/// <summary>
/// Asked for with <c>Orchestrator:Demo:Enabled=true</c> or <c>--demo</c>, the service runs as a self-contained demo:
/// the Udesk simulator starts in-process as the Udesk of the <c>default</c> tenant and pushes to this service, with
/// a fixed, printed API key. Never with configured tenants: which one was meant would be a guess.
/// </summary>
internal static class DemoMode
{
    public const string Tenant = "default";
    public const string Switch = "--demo";
    public const string DefaultUrl = "http://127.0.0.1:5080";
    private const string PushSecret = "demo-push-secret-0123456789";

    /// <summary>The arguments without <c>--demo</c>, which the command-line configuration would read as a key wanting a value.</summary>
    public static string[] WithoutSwitch(string[] args) => args.Where(a => a != Switch).ToArray();

    /// <summary><c>--demo</c> is <c>Orchestrator:Demo:Enabled=true</c>.</summary>
    public static void ApplySwitch(string[] args, IConfigurationBuilder configuration)
    {
        if (args.Contains(Switch))
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}"] = "true" });
        }
    }

    /// <summary>Starts the simulator and configures the demo tenant when the demo is enabled.</summary>
    public static async Task<DemoSetup?> ConfigureAsync(WebApplicationBuilder builder)
    {
        var demo = ValidatedConfiguration.Bind<DemoOptions>(builder.Configuration, DemoOptions.Section);
        if (!demo.Enabled)
        {
            return null;
        }

        var configured = builder.Configuration.GetSection($"{OrchestratorOptions.Section}:Tenants").GetChildren().Select(t => t.Key).ToList();
        if (configured.Count > 0)
        {
            throw new InvalidOperationException(
                $"{DemoOptions.Section}:Enabled is true but tenants are configured ({string.Join(", ", configured)}): the demo would replace them with "
                + $"a simulator and a publicly known key. Remove {DemoOptions.Section}:Enabled (and --demo), or remove Orchestrator:Tenants.");
        }

        var url = (builder.Configuration["urls"] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('/');
        builder.WebHost.UseUrls(url);
        var simulatorOptions = builder.Configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
        simulatorOptions.PushUrl = new Uri($"{url}/udesk/{Tenant}/push/{PushSecret}");
        var simulator = await UdeskSimulatorServer.StartAsync(simulatorOptions, TimeProvider.System, demo.SimulatorUrl);

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Orchestrator:Tenants:{Tenant}:ApiKeys:0"] = demo.ApiKey,
            [$"Orchestrator:Tenants:{Tenant}:PushSecret"] = PushSecret,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:BaseUrl"] = simulator.OpenApiBaseUrl.AbsoluteUri,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:Email"] = simulatorOptions.Email,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:ApiToken"] = simulatorOptions.ApiToken,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:StructuredMessageKey"] = simulatorOptions.StructuredMessageKey,
        });
        builder.Services.AddSingleton(simulator);
        // A configured operator key is the console's; the demo's key is printed only when it is the one in use.
        var operatorKey = builder.Configuration[$"{ManagementOptions.Section}:{nameof(ManagementOptions.Key)}"] is null ? demo.OperatorKey : null;
        return new DemoSetup(new Uri(url), demo.ApiKey, simulator.BaseAddress, operatorKey);
    }
}

/// <summary>What the demo prints so a newcomer can start calling it.</summary>
/// <param name="OperatorKey">The console's key when it is the demo's; null when Orchestrator:Management:Key is set.</param>
internal sealed record DemoSetup(Uri ServiceUrl, string ApiKey, Uri SimulatorUrl, string? OperatorKey)
{
    public string Banner => $"""

        Orchestrator demo (Orchestrator:Demo:Enabled): the built-in Udesk simulator plays Udesk for tenant '{DemoMode.Tenant}'.
          API:            {ServiceUrl}v1   (Authorization: Bearer {ApiKey})
          API reference:  {ServiceUrl}scalar/v1
          Console:        {ServiceUrl}console   (operator key: {OperatorKey ?? $"your {ManagementOptions.Section}:{nameof(ManagementOptions.Key)}"})
          Simulator:      {SimulatorUrl}_sim/   (control API: agents reply, transfer, close)
          Health:         {ServiceUrl}healthz  {ServiceUrl}readyz

        """;
}
