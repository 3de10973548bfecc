using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Demo;

/// <summary>
/// With no tenant configured, the service runs as a self-contained demo: the Udesk simulator starts in-process as
/// the Udesk of the <c>default</c> tenant and pushes to this service, with a fixed, printed API key.
/// </summary>
internal static class DemoMode
{
    public const string Tenant = "default";
    public const string DefaultApiKey = "orchestrator-demo-key";
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string DefaultSimulatorUrl = "http://127.0.0.1:5081";
    private const string PushSecret = "demo-push-secret-0123456789";

    /// <summary>Starts the simulator and configures the demo tenant, unless tenants are configured.</summary>
    public static async Task<DemoSetup?> ConfigureAsync(WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetSection("Orchestrator:Tenants").GetChildren().Any())
        {
            return null;
        }

        var url = (builder.Configuration["urls"] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('/');
        builder.WebHost.UseUrls(url);
        var apiKey = builder.Configuration["Orchestrator:Demo:ApiKey"] ?? DefaultApiKey;
        var simulatorOptions = builder.Configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
        simulatorOptions.PushUrl = new Uri($"{url}/udesk/{Tenant}/push/{PushSecret}");
        var simulatorUrl = new Uri(builder.Configuration["Orchestrator:Demo:SimulatorUrl"] ?? DefaultSimulatorUrl);
        var simulator = await UdeskSimulatorServer.StartAsync(simulatorOptions, TimeProvider.System, simulatorUrl);

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Orchestrator:Tenants:{Tenant}:ApiKeys:0"] = apiKey,
            [$"Orchestrator:Tenants:{Tenant}:PushSecret"] = PushSecret,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:BaseUrl"] = simulator.OpenApiBaseUrl.AbsoluteUri,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:Email"] = simulatorOptions.Email,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:ApiToken"] = simulatorOptions.ApiToken,
            [$"Orchestrator:Tenants:{Tenant}:Udesk:StructuredMessageKey"] = simulatorOptions.StructuredMessageKey,
        });
        builder.Services.AddSingleton(simulator);
        return new DemoSetup(new Uri(url), apiKey, simulator.BaseAddress);
    }
}

/// <summary>What the demo prints so a newcomer can start calling it.</summary>
internal sealed record DemoSetup(Uri ServiceUrl, string ApiKey, Uri SimulatorUrl)
{
    public string Banner => $"""

        Orchestrator demo: no tenant configured, so the built-in Udesk simulator plays Udesk for tenant '{DemoMode.Tenant}'.
          API:            {ServiceUrl}v1   (Authorization: Bearer {ApiKey})
          API reference:  {ServiceUrl}scalar/v1
          Simulator:      {SimulatorUrl}_sim/   (control API: agents reply, transfer, close)
          Health:         {ServiceUrl}healthz  {ServiceUrl}readyz

        """;
}
