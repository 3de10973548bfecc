using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Host.Configuration;

/// <summary>The self-contained demo (<c>Orchestrator:Demo</c>); off unless asked for.</summary>
public sealed class DemoOptions
{
    public const string Section = "Orchestrator:Demo";

    /// <summary>Start the built-in Udesk simulator as the Udesk of the <c>default</c> tenant. Never with configured tenants.</summary>
    public bool Enabled { get; set; }

    /// <summary>The demo tenant's publicly known API key.</summary>
    public string ApiKey { get; set; } = "orchestrator-demo-key";

    /// <summary>
    /// The demo's publicly known operator key for the console at <c>/console</c>, used only while
    /// <c>Orchestrator:Management:Key</c> is unset (so metrics and the API reference stay open in the demo).
    /// </summary>
    [MinLength(16)]
    public string OperatorKey { get; set; } = "orchestrator-demo-operator-key";

    /// <summary>Where the demo's simulator listens.</summary>
    public Uri SimulatorUrl { get; set; } = new("http://127.0.0.1:5081");
}
