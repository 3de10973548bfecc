using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.Control;

/// <summary>The settings that can change while running: the push URL, the fault and the quirk knobs. Reset restores the options.</summary>
public sealed class SimulatorSettings
{
    private readonly SimulatorOptions options;
    private volatile Uri? pushUrl;
    private volatile FaultOptions faults;
    private volatile QuirkOptions quirks;

    public SimulatorSettings(IOptions<SimulatorOptions> options)
    {
        this.options = options.Value;
        pushUrl = this.options.PushUrl;
        faults = this.options.Faults.Clone();
        quirks = this.options.Quirks.Clone();
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

    /// <summary>A copy of the quirk knobs in force; change them with <see cref="SetQuirks"/>.</summary>
    public QuirkOptions Quirks => quirks.Clone();

    public void SetQuirks(QuirkOptions value) =>
        quirks = SimulatorOptionsValidator.Problem(value) is { } problem ? throw new ArgumentException(problem, nameof(value)) : value.Clone();

    internal void Reset()
    {
        pushUrl = options.PushUrl;
        faults = options.Faults.Clone();
        quirks = options.Quirks.Clone();
    }
}
