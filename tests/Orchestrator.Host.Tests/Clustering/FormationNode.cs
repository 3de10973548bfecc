using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Host.Clustering;
using ClusterSettings = Orchestrator.Host.Configuration.ClusterSettings;

namespace Orchestrator.Host.Tests.Clustering;

/// <summary>
/// One cluster node as the service configures it (remoting, downing, formation), without the conversations: a real
/// actor system on a loopback port over a real store. Records what its formation decided.
/// </summary>
internal sealed class FormationNode : IAsyncDisposable
{
    public static readonly TimeSpan LeaseTtl = TimeSpan.FromSeconds(3);

    private readonly IHost host;
    private readonly Channel<FormationChecked> checks = Channel.CreateUnbounded<FormationChecked>();
    private bool stopped;

    private FormationNode(IHost host, int port)
    {
        this.host = host;
        Port = port;
    }

    public int Port { get; }

    public ActorSystem System => host.Services.GetRequiredService<ActorSystem>();

    public Cluster Cluster => Cluster.Get(System);

    public int UpMembers => Cluster.State.Members.Count(member => member.Status == MemberStatus.Up);

    public static string Address(string systemName, int port) => $"akka.tcp://{systemName}@127.0.0.1:{port}";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<FormationNode> StartAsync(
        string systemName, int port, IEnumerable<int> seedPorts, ConversationStoreOptions store, TimeProvider time)
    {
        var settings = new ClusterSettings
        {
            Port = port,
            SeedNodes = seedPorts.Select(seed => Address(systemName, seed)).ToList(),
            FormationLeaseTtl = LeaseTtl,
            FormationCheckInterval = TimeSpan.FromMilliseconds(200),
        };
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddAkka(systemName, akka => akka.WithOrchestratorCluster(settings, store, time));
        var node = new FormationNode(builder.Build(), port);
        await node.host.StartAsync();
        var recorder = node.System.ActorOf(Props.Create(() => new Recorder(node.checks.Writer)));
        node.System.EventStream.Subscribe(recorder, typeof(FormationChecked));
        return node;
    }

    /// <summary>The next formation decision this node publishes (after the test started listening).</summary>
    public async Task<FormationChecked> NextCheckAsync()
    {
        using var bound = new CancellationTokenSource(Eventually.DefaultWithin);
        return await checks.Reader.ReadAsync(bound.Token);
    }

    /// <summary>Stops the node (it leaves the cluster); again is a no-op, so a test may stop one midway.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        await host.StopAsync();
        host.Dispose();
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(ChannelWriter<FormationChecked> writer) => Receive<FormationChecked>(check => writer.TryWrite(check));
    }
}
