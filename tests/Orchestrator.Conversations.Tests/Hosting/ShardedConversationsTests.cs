using Akka.Hosting;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Tests.Support;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Hosting;

/// <summary>The conversation region as the host registers it: a one-node cluster, commands through the shard region.</summary>
public sealed class ShardedConversationsTests : IAsyncLifetime
{
    private readonly ConversationFixture fixture = new();
    private ConversationHost host = null!;

    public async Task InitializeAsync() =>
        host = await ConversationHost.StartAsync(fixture, akka => akka
            .AddHocon(ConversationFixture.InMemoryPersistence, HoconAddMode.Prepend));

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        fixture.Dispose();
    }

    [Fact]
    public async Task Commands_reach_their_own_conversation_through_the_region()
    {
        var ann = new ConversationId("default", "ann");
        var bob = new ConversationId("acme", "ann");

        Assert.IsType<Accepted>(await host.Ask(new RequestSession(ann, new SessionRequest())));
        var bobState = await host.StateOf(bob);

        Assert.Equal(0, bobState.Seq);
        await host.Until(ann, s => s.Status == ConversationStatus.Robot);
        Assert.Equal("ann", fixture.Udesk.Bodies("/im/sessions").Single()!["customer_token"]!.GetValue<string>());
    }
}
