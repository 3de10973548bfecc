using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.Control;

/// <summary>The settings that can change while running: the push URL and the fault knobs. Reset restores the options.</summary>
public sealed class SimulatorSettings
{
    private readonly SimulatorOptions options;
    private volatile Uri? pushUrl;
    private volatile FaultOptions faults;

    public SimulatorSettings(IOptions<SimulatorOptions> options)
    {
        this.options = options.Value;
        pushUrl = this.options.PushUrl;
        faults = this.options.Faults.Clone();
    }

    public Uri? PushUrl
    {
        get => pushUrl;
        set => pushUrl = value is null || (value.IsAbsoluteUri && value.Scheme is "http" or "https")
            ? value
            : throw new ArgumentException("The push URL must be an absolute http(s) URL.", nameof(value));
    }

    /// <summary>A copy of the fault knobs in force; change them with <see cref="SetFaults"/>.</summary>
    public FaultOptions Faults => faults.Clone();

    public void SetFaults(FaultOptions value) =>
        faults = SimulatorOptionsValidator.Problem(value) is { } problem ? throw new ArgumentException(problem, nameof(value)) : value.Clone();

    internal void Reset()
    {
        pushUrl = options.PushUrl;
        faults = options.Faults.Clone();
    }
}
