using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Tests.Support;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Hosting;

/// <summary>The conversation region as the host registers it: a one-node cluster, commands through the shard region.</summary>
public sealed class ShardedConversationsTests : IAsyncLifetime
{
    private readonly ConversationFixture fixture = new();
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(fixture.Clients);
        builder.Services.AddAkka("sharding-test", akka => akka
            .AddHocon(ConversationFixture.InMemoryPersistence, HoconAddMode.Prepend)
            .WithRemoting("127.0.0.1", 0)
            .WithClustering(new ClusterOptions())
            .AddStartup((system, _) => Cluster.Get(system).Join(Cluster.Get(system).SelfAddress))
            .WithConversations(fixture.Settings, fixture.Limits));
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        fixture.Dispose();
    }

    [Fact]
    public async Task Commands_reach_their_own_conversation_through_the_region()
    {
        var region = await host.Services.GetRequiredService<ActorRegistry>().GetAsync<ConversationRegion>();
        var ann = new ConversationId("default", "ann");
        var bob = new ConversationId("acme", "ann");
        var timeout = TimeSpan.FromSeconds(20);

        Assert.IsType<Accepted>(await region.Ask<Reply>(new RequestSession(ann, new SessionRequest()), timeout));
        var bobState = await region.Ask<State>(new GetState(bob), timeout);

        Assert.Equal(0, bobState.Conversation.Seq);
        await Eventually.True(async () => (await region.Ask<State>(new GetState(ann), timeout)).Conversation.Status == ConversationStatus.Robot);
        Assert.Equal("ann", fixture.Udesk.Bodies("/im/sessions").Single()!["customer_token"]!.GetValue<string>());
    }
}
