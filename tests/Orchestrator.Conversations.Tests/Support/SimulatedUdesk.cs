using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Udesk;
using Orchestrator.Udesk.DependencyInjection;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;
using Orchestrator.Udesk.Simulator.Logging;

namespace Orchestrator.Conversations.Tests.Support;

/// <summary>
/// The simulator as Udesk on loopback, on a clock of the test's: with <see cref="HoldAnswers"/> every call is handled
/// (its effects happen) and then held in flight until <see cref="ReleaseAnswers"/> moves the clock past the hold.
/// </summary>
public sealed class SimulatedUdesk : IAsyncDisposable
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(1);

    private readonly ServiceProvider services;

    private SimulatedUdesk(UdeskSimulatorServer server, FakeTimeProvider clock)
    {
        Server = server;
        Clock = clock;
        var collection = new ServiceCollection();
        collection.AddUdeskClient(UdeskServiceCollectionExtensions.DefaultCompany, o =>
        {
            o.BaseUrl = server.OpenApiBaseUrl;
            o.Email = server.Options.Email;
            o.ApiToken = server.Options.ApiToken;
            o.StructuredMessageKey = server.Options.StructuredMessageKey;
            // The gateway retries by itself; a held call stays open for as long as the test holds it.
            o.Resilience.MaxRetryAttempts = 1;
            o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(5);
            o.Resilience.TotalTimeout = TimeSpan.FromMinutes(5);
        });
        services = collection.BuildServiceProvider();
    }

    public UdeskSimulatorServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public IUdeskClientFactory Clients => services.GetRequiredService<IUdeskClientFactory>();

    public static async Task<SimulatedUdesk> StartAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var server = await UdeskSimulatorServer.StartAsync(new SimulatorOptions { Seed = 20261128, CompanyCallsPerMinute = 10_000 }, clock);
        foreach (var agent in server.World.Agents)
        {
            // Every customer gets an agent at once instead of queueing.
            server.World.SetAgent(agent.Id, capacity: 1000);
        }

        return new SimulatedUdesk(server, clock);
    }

    /// <summary>From now on every call is handled, then held unanswered until <see cref="ReleaseAnswers"/>.</summary>
    public void HoldAnswers() => SetAnswerDelay(Hold);

    /// <summary>Answers the calls held so far, and holds no more.</summary>
    public void ReleaseAnswers()
    {
        SetAnswerDelay(TimeSpan.Zero);
        Clock.Advance(Hold);
    }

    /// <summary>Calls whose path ends with <paramref name="path"/>, as the simulator logged them (once answered or given up).</summary>
    public IReadOnlyList<CallRecord> CallsTo(string path, string method) =>
        Server.Log.Calls.Where(c => c.Path.EndsWith("/" + path, StringComparison.Ordinal) && c.Method == method).ToList();

    /// <summary>Sessions Udesk created at this customer's request (each session request that was handled).</summary>
    public int SessionsCreatedFor(string customerToken) => Server.World.EffectsOf(customerToken).SessionsCreated.Count;

    private void SetAnswerDelay(TimeSpan delay)
    {
        var faults = Server.Settings.Faults;
        faults.ApiAnswerDelay = delay;
        Server.Settings.SetFaults(faults);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
