using Orchestrator.Bench.Scenarios;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Bench.Hosting;

/// <summary>
/// What a store scenario runs on: an emptied store, the simulator as the tenant's Udesk, and the service in front of
/// it. <see cref="RestartServiceAsync"/> stops the service and starts it again over the same store: a process
/// restart, after which every conversation is asleep.
/// </summary>
internal sealed class BenchRig : IAsyncDisposable
{
    private readonly Dictionary<string, string?> settings;
    private readonly CancellationToken ct;

    private BenchRig(UdeskSimulatorServer udesk, ServiceUnderTest service, Dictionary<string, string?> settings, CancellationToken ct)
    {
        Udesk = udesk;
        Service = service;
        this.settings = settings;
        this.ct = ct;
    }

    public UdeskSimulatorServer Udesk { get; }

    public ServiceUnderTest Service { get; private set; }

    /// <summary>
    /// Starts on an empty <see cref="BenchContext.Store"/>; <paramref name="serviceSettings"/> override the service's
    /// configuration (keys as in README.md), <paramref name="simulator"/> the simulator's.
    /// </summary>
    public static async Task<BenchRig> StartAsync(BenchContext context, IReadOnlyDictionary<string, string?>? serviceSettings = null, SimulatorOptions? simulator = null)
    {
        var store = context.Store ?? throw new InvalidOperationException("This scenario needs a store.");
        await store.ResetAsync(context.Cancellation);
        var settings = new Dictionary<string, string?>(store.Settings);
        foreach (var (key, value) in serviceSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var udesk = await UdeskSimulatorServer.StartAsync(simulator ?? new SimulatorOptions { Seed = 20261101 }, context.Cancellation);
        try
        {
            var service = await ServiceUnderTest.StartAsync(udesk, settings, context.Cancellation);
            return new BenchRig(udesk, service, settings, context.Cancellation);
        }
        catch
        {
            await udesk.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Restarts the service; <paramref name="changes"/>, if any, change its configuration from now on;
    /// <paramref name="whileStopped"/>, if any, runs while no service holds the store.
    /// </summary>
    public async Task RestartServiceAsync(IReadOnlyDictionary<string, string?>? changes = null, Func<Task>? whileStopped = null)
    {
        await Service.DisposeAsync();
        if (whileStopped is not null)
        {
            await whileStopped();
        }

        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        Service = await ServiceUnderTest.StartAsync(Udesk, settings, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Udesk.DisposeAsync();
    }
}
