using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Udesk;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Support;

/// <summary>
/// Conversations hosted as the service hosts them: a one-node cluster, the shard region, the call budget singleton,
/// and whatever persistence <c>configurePersistence</c> adds. Stopping and starting another over the same store is a
/// process restart.
/// </summary>
public sealed class ConversationHost : IAsyncDisposable
{
    public const string SystemName = "conversations-test";

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(20);
    private readonly IHost host;

    private ConversationHost(IHost host, IActorRef region, IActorRef sessionIndex)
    {
        this.host = host;
        Region = region;
        SessionIndex = sessionIndex;
    }

    public IActorRef Region { get; }

    public ActorRegistry Registry => host.Services.GetRequiredService<ActorRegistry>();

    public IActorRef SessionIndex { get; }

    public ActorSystem System => host.Services.GetRequiredService<ActorSystem>();

    /// <summary>
    /// A node listening on <paramref name="port"/> (0: any). Without <paramref name="seedNode"/> it forms its own
    /// cluster; with one, it joins the cluster there. Udesk is the fixture's unless <paramref name="udesk"/> says otherwise.
    /// </summary>
    public static async Task<ConversationHost> StartAsync(
        ConversationFixture fixture, Action<AkkaConfigurationBuilder> configurePersistence, int port = 0, string? seedNode = null, IUdeskClientFactory? udesk = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(udesk ?? fixture.Clients);
        services?.Invoke(builder.Services);
        builder.Services.AddAkka(SystemName, akka =>
        {
            configurePersistence(akka);
            akka.WithRemoting("127.0.0.1", port)
                .WithClustering(new ClusterOptions { SeedNodes = seedNode is null ? [] : [seedNode] })
                .WithConversations(fixture.Settings, fixture.Limits);
            if (seedNode is null)
            {
                akka.AddStartup((system, _) => Cluster.Get(system).Join(Cluster.Get(system).SelfAddress));
            }
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            // A start refused (a test of bad settings) leaves no actor system running behind it.
            host.Dispose();
            throw;
        }
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        return new ConversationHost(host, await registry.GetAsync<ConversationRegion>(), await registry.GetAsync<SessionIndexRegion>());
    }

    /// <summary>
    /// Two nodes over one store, the first the seed (and so the oldest: the singletons' and the shard coordinator's
    /// home), once both are up.
    /// </summary>
    public static async Task<(ConversationHost First, ConversationHost Second)> StartTwoAsync(
        ConversationFixture fixture, ConversationStoreOptions store, IUdeskClientFactory? udesk = null)
    {
        var seedPort = FreePort();
        var first = await StartAsync(fixture, akka => akka.WithConversationStore(store), seedPort, udesk: udesk);
        var second = await StartAsync(
            fixture, akka => akka.WithConversationStore(store), seedNode: $"akka.tcp://{SystemName}@127.0.0.1:{seedPort}", udesk: udesk);
        await Eventually.True(() => Cluster.Get(first.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 2, "both nodes up");
        return (first, second);
    }

    /// <summary>The conversations this node holds now.</summary>
    public async Task<IReadOnlyList<string>> Entities()
    {
        var state = await Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
        return state.Shards.SelectMany(shard => shard.EntityIds).ToList();
    }

    public Task<Reply> Ask(Command command) => Region.Ask<Reply>(command, AskTimeout);

    public async Task<ConversationState> StateOf(ConversationId id) => ((State)await Ask(new GetState(id))).Conversation;

    public Task Until(ConversationId id, Func<ConversationState, bool> condition) =>
        Eventually.Until(() => StateOf(id), condition, $"the state of {id} the test expects");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
