using System.Globalization;
using Npgsql;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.EndToEnd.Tests.Cluster;

/// <summary>
/// Three service processes in one Akka.NET cluster on loopback over one PostgreSQL schema (new for each test run),
/// with the simulator as Udesk, started once for a test class. Every node is a seed node, as the prod overlay
/// (<c>deploy/kubernetes/overlays/prod</c>) lists its pods. The nodes "in service" stand for a Service's endpoints: load
/// and Udesk's pushes go round them, and a node is taken out the moment it is killed or told to stop.
/// </summary>
public sealed class ClusterHarness : IAsyncLifetime
{
    /// <summary>Udesk's company budget, told to both sides: small enough that a burst can fill its window.</summary>
    public const int CallsPerMinute = 120;

    private const int Size = 3;
    private static readonly TimeSpan Formation = TimeSpan.FromSeconds(120);
    private readonly Lock gate = new();
    private readonly List<ClusterNode> nodes = [];
    private readonly HashSet<ClusterNode> inService = [];
    private readonly List<DateTimeOffset> kills = [];
    private string? postgres;
    private string? schema;
    private int turn;

    public UdeskSimulatorServer Udesk { get; private set; } = null!;

    public SimulatorControl Simulator { get; private set; } = null!;

    public IReadOnlyList<ClusterNode> Nodes => nodes;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Three nodes running, in service, and one cluster in every node's view; the first call starts the simulator and
    /// the nodes (skipping the test where PostgreSQL is not configured), later ones restart what a scenario left down.
    /// </summary>
    public async Task WholeAsync()
    {
        if (postgres is null)
        {
            postgres = new NpgsqlConnectionStringBuilder(Requires.Environment("ORCHESTRATOR_TEST_POSTGRES"))
            {
                // Three processes share a server whose connections other suites use too.
                MaxPoolSize = 12,
            }.ConnectionString;
            await CreateSchema();
            Udesk = await UdeskSimulatorServer.StartAsync(new SimulatorOptions
            {
                Seed = 20261201,
                CompanyCallsPerMinute = CallsPerMinute,
                PushRetryBaseDelay = TimeSpan.FromMilliseconds(200),
                PushRetryMaxDelay = TimeSpan.FromSeconds(2),
                LogCapacity = 200_000,
                // A call the service repeats is stored again, so a duplicate shows in the call log and the effects.
                Quirks = new QuirkOptions { MessageIdsDeduplicated = false },
            });
            Simulator = new SimulatorControl(Udesk);
            await Simulator.GiveAgentsRoom();
            var akkaPorts = Enumerable.Range(0, Size).Select(_ => ChildOrchestrator.FreePort()).ToList();
            var seeds = akkaPorts.Select(ClusterNode.AkkaAddress).ToList();
            nodes.AddRange(akkaPorts.Select((port, ordinal) => new ClusterNode(ordinal, port, new ChildOrchestrator(Udesk, Settings(port, seeds)))));
        }

        await StartTheDown();
        if (!await Eventually.LastRead(OneCluster, one => one, Formation))
        {
            // A scenario left two clusters (or a node that cannot join): the next one starts from none.
            await KillAll();
            await StartTheDown();
            await Eventually.True(OneCluster, "all three nodes Up in one cluster, in every node's view", Formation);
        }
    }

    /// <summary>
    /// The next node in service, round the ring: where load and reads go. Should every node in service have exited
    /// on its own, any running node (a Service with no ready endpoint still has pods behind it).
    /// </summary>
    public ClusterNode Next()
    {
        lock (gate)
        {
            var serving = nodes.Where(n => inService.Contains(n) && n.Process.Alive).ToList();
            serving = serving.Count > 0 ? serving : nodes.Where(n => n.Process.Alive).ToList();
            Assert.True(serving.Count > 0, $"no node is running; exited on their own: {string.Join(", ", nodes.Where(inService.Contains).Select(n => $"{n} (output: {n.Process.OutputFile})"))}");
            return serving[turn++ % serving.Count];
        }
    }

    /// <summary>Nodes in service whose process has exited though the test did not stop it (a node that downed itself exits).</summary>
    public IReadOnlyList<ClusterNode> ExitedOnTheirOwn()
    {
        lock (gate)
        {
            return nodes.Where(n => inService.Contains(n) && !n.Process.Alive).ToList();
        }
    }

    /// <summary>SIGKILL: out of service first, as the load balancer would find it gone.</summary>
    public Task Kill(ClusterNode node)
    {
        TakeOutOfService(node);
        lock (gate)
        {
            kills.Add(DateTimeOffset.UtcNow);
        }

        return node.Process.Kill();
    }

    /// <summary>When each SIGKILL was sent, on the clock the simulator's call log uses.</summary>
    public IReadOnlyList<DateTimeOffset> Kills
    {
        get
        {
            lock (gate)
            {
                return [.. kills];
            }
        }
    }

    /// <summary>SIGTERM as Kubernetes stops a pod (out of service at once); answers how long the process took to exit.</summary>
    public Task<TimeSpan> Terminate(ClusterNode node)
    {
        TakeOutOfService(node);
        return node.Process.Terminate();
    }

    /// <summary>Starts the node and puts it in service once ready; answers how long until ready.</summary>
    public async Task<TimeSpan> Start(ClusterNode node)
    {
        var ready = await node.Process.StartAsync();
        lock (gate)
        {
            inService.Add(node);
            PointUdeskAtService();
        }

        return ready;
    }

    /// <summary>Every node killed, so that the next <see cref="WholeAsync"/> forms the cluster afresh (after a scenario left two).</summary>
    public async Task KillAll()
    {
        foreach (var node in nodes)
        {
            await Kill(node);
        }
    }

    /// <summary>Awaits the other nodes' views no longer listing <paramref name="incarnation"/> (downed and removed).</summary>
    public Task Removed(ClusterView incarnation, TimeSpan within) => Eventually.True(
        async () => (await Task.WhenAll(nodes.Where(n => n.Process.Alive).Select(n => n.Members())))
            .All(v => v is not null && v.Self != incarnation.Self && !v.Members.Any(m => (m.Address, m.Uid) == (incarnation.Self, incarnation.SelfUid))),
        $"{incarnation.Self} removed from the cluster in every other node's view",
        within);

    /// <summary>The oldest Up member (home of the singletons) as a node in service sees it.</summary>
    public async Task<ClusterNode> Oldest()
    {
        var view = await Next().Members();
        return nodes.Single(n => n.Address == view!.Oldest);
    }

    /// <summary>Each running node is Up, and every running node's view holds exactly the running nodes, all Up and reachable.</summary>
    public async Task<bool> OneCluster()
    {
        var running = nodes.Where(n => n.Process.Alive).ToList();
        var views = await Task.WhenAll(running.Select(n => n.Members()));
        if (views.Any(v => v is null || v.SelfStatus != "Up"))
        {
            return false;
        }

        var selves = views.Select(v => (v!.Self, v.SelfUid)).ToHashSet();
        return views.All(v => v!.Members.All(m => m.Status == "Up" && !m.Unreachable) && v.Members.Select(m => (m.Address, m.Uid)).ToHashSet().SetEquals(selves));
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.Process.DisposeAsync();
        }

        if (postgres is null)
        {
            return;
        }

        Simulator.Dispose();
        await Udesk.DisposeAsync();
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task StartTheDown()
    {
        var down = nodes.Where(n => !n.Process.Alive).ToList();
        if (down.Count == Size)
        {
            // The first node creates the tables and forms the cluster alone; the others join it.
            await Start(down[0]);
            down.RemoveAt(0);
        }

        await Task.WhenAll(down.Select(Start));
    }

    private void TakeOutOfService(ClusterNode node)
    {
        lock (gate)
        {
            inService.Remove(node);
            PointUdeskAtService();
        }
    }

    /// <summary>Udesk has one push URL, the Service's: a node in service.</summary>
    private void PointUdeskAtService()
    {
        if (nodes.FirstOrDefault(inService.Contains) is { } serving)
        {
            Udesk.Settings.PushUrl = serving.Process.PushUrl;
        }
    }

    private async Task CreateSchema()
    {
        schema = $"cluster{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await create.ExecuteNonQueryAsync();
    }

    private Dictionary<string, string?> Settings(int akkaPort, IReadOnlyList<string> seeds) => new(seeds.Select((seed, i) => KeyValuePair.Create<string, string?>($"Orchestrator:Cluster:SeedNodes:{i}", seed)))
    {
        ["Orchestrator:Store:Provider"] = "PostgreSql",
        ["Orchestrator:Store:ConnectionString"] = postgres,
        ["Orchestrator:Store:Schema"] = schema,
        ["Orchestrator:Cluster:Hostname"] = "127.0.0.1",
        ["Orchestrator:Cluster:Port"] = akkaPort.ToString(CultureInfo.InvariantCulture),
        // Membership changes, downing and singleton moves in each node's output file, with the time.
        ["Logging:LogLevel:Akka"] = "Information",
        ["Logging:Console:TimestampFormat"] = "HH:mm:ss.fff ",
        ["Orchestrator:Udesk:Limits:CallsPerMinute"] = CallsPerMinute.ToString(CultureInfo.InvariantCulture),
        ["Orchestrator:Conversations:RetryMaxBackoff"] = "00:00:01",
        [$"Orchestrator:Tenants:{OrchestratorInstance.Tenant}:Udesk:Resilience:AttemptTimeout"] = "00:00:05",
    };
}
