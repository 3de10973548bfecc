using Akka.Actor;
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

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Conversations_answer_through_either_node_and_live_on_exactly_one(string kind)
    {
        var (first, second) = await ConversationHost.StartTwoAsync(fixture, await TestStores.CreateAsync(kind));
        await using var firstNode = first;
        await using var secondNode = second;

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
        var hosted = (await first.Entities()).Concat(await second.Entities()).ToList();
        Assert.Equal(ids.Select(id => id.EntityId).Order(), hosted.Order());
        Assert.Equal(ids.Count, fixture.Udesk.Bodies("/im/messages").Count);
    }
}
