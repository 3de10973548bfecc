using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Tests.Support;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Persistence;

/// <summary>
/// Two nodes, one cluster, one store. Every conversation gets commands through both nodes, so whichever node hosts
/// it, commands, replies and call-budget permits cross between them through the serializer for real.
/// </summary>
public sealed class TwoNodeClusterTests : IDisposable
{
    private readonly ConversationFixture fixture = new();

    public static TheoryData<string> Stores() => TestStores.All();

    public void Dispose() => fixture.Dispose();

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<IReadOnlyList<string>> EntitiesOn(ConversationHost node)
    {
        var state = await node.Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
        return state.Shards.SelectMany(shard => shard.EntityIds).ToList();
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Conversations_answer_through_either_node_and_live_on_exactly_one(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        var seedPort = FreePort();
        await using var first = await ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store), seedPort);
        await using var second = await ConversationHost.StartAsync(
            fixture, akka => akka.WithConversationStore(store), seedNode: $"akka.tcp://{ConversationHost.SystemName}@127.0.0.1:{seedPort}");
        await Eventually.True(() => Cluster.Get(first.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 2, "both nodes up");

        var ids = Enumerable.Range(1, 24).Select(i => new ConversationId(ConversationId.DefaultTenant, $"two-nodes-{i}")).ToList();
        foreach (var id in ids)
        {
            Assert.IsType<Accepted>(await second.Ask(new RequestSession(id, new SessionRequest())));
        }

        foreach (var id in ids)
        {
            await first.Until(id, s => s.Status == ConversationStatus.Robot);
            Assert.IsType<Accepted>(await first.Ask(new SendMessage(id, "m1", "message", new MessagePayload { Content = "hello" })));
            await second.Until(id, s => s.Outbox.IsEmpty && s.AcceptedMessageIds.TryGet("m1", out _));
        }

        // Each conversation lives on exactly one node, whichever node its commands came in through.
        var hosted = (await EntitiesOn(first)).Concat(await EntitiesOn(second)).ToList();
        Assert.Equal(ids.Select(id => id.EntityId).Order(), hosted.Order());
        Assert.Equal(ids.Count, fixture.Udesk.Bodies("/im/messages").Count);
    }
}
