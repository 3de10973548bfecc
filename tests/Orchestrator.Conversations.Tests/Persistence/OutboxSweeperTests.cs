using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Tests.Support;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Persistence;

/// <summary>After a crash, accepted messages reach Udesk even if nobody ever writes to their conversation again.</summary>
public sealed class OutboxSweeperTests : IDisposable
{
    private readonly ConversationFixture fixture = new(new ConversationSettings
    {
        RetryMinBackoff = TimeSpan.FromMilliseconds(20),
        RetryMaxBackoff = TimeSpan.FromMilliseconds(200),
        OutboxSweepInterval = TimeSpan.FromMilliseconds(300),
    });

    private readonly ConversationId id = new(ConversationId.DefaultTenant, $"swept-{Guid.NewGuid():N}");

    public static TheoryData<string> Stores() => TestStores.All();

    public void Dispose() => fixture.Dispose();

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Calls_left_in_an_outbox_by_a_stopped_node_are_made_without_the_conversation_being_touched(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using (var host = await ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store)))
        {
            await host.Ask(new RequestSession(id, new SessionRequest()));
            await host.Until(id, s => s.Status == ConversationStatus.Robot);
            fixture.Udesk.Down = true;
            foreach (var i in Enumerable.Range(1, 3))
            {
                Assert.IsType<Accepted>(await host.Ask(new SendMessage(id, $"m{i}", "message", new MessagePayload { Content = $"text {i}" })));
            }
        }

        fixture.Udesk.Down = false;
        await using var restarted = await ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store));

        // Nothing is sent to the conversation: only the sweeper can wake it.
        await Eventually.True(() => fixture.Udesk.Bodies("/im/messages").Count == 3, "the three messages at Udesk");
        Assert.Equal(["m1", "m2", "m3"], fixture.Udesk.Bodies("/im/messages").Select(b => b!["message_id"]!.GetValue<string>()));
    }
}
