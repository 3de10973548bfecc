using System.Globalization;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>
/// A <see cref="Journey"/> with a company budget big enough for a backlog to drain in seconds (told to both sides, so
/// the service must still keep to it), short retry back-off, and an attempt time-out longer than the simulator's
/// injected time-outs.
/// </summary>
public sealed class FaultJourney : Journey
{
    public const int CallsPerMinute = 600;

    protected override SimulatorOptions Options() => new()
    {
        Seed = 20261128,
        CompanyCallsPerMinute = CallsPerMinute,
        PushRetryBaseDelay = TimeSpan.FromMilliseconds(200),
        PushRetryMaxDelay = TimeSpan.FromSeconds(2),
    };

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Orchestrator:Udesk:Limits:CallsPerMinute"] = CallsPerMinute.ToString(CultureInfo.InvariantCulture),
        ["Orchestrator:Conversations:RetryMaxBackoff"] = "00:00:01",
        [$"Orchestrator:Tenants:{OrchestratorInstance.Tenant}:Udesk:Resilience:AttemptTimeout"] = "00:00:05",
    };
}
