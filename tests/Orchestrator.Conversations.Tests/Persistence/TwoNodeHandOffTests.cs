using Akka.Actor;
using Akka.Event;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Tests.Support;
using Orchestrator.Udesk.Sessions;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Persistence;

/// <summary>
/// A real hand-off between two nodes over one store: the node holding a conversation leaves (graceful shutdown, as in
/// a rolling update) while its session request is held in flight at the simulator. The request is answered during
/// the hand-off, its outcome persisted, and the conversation carries on from it on the other node: Udesk creates the
/// session once.
/// </summary>
public sealed class TwoNodeHandOffTests : IAsyncLifetime
{
    // Generous on a loaded machine, and still inside sharding's handoff-timeout (60 s) less 5 s.
    private readonly ConversationFixture fixture = new(new ConversationSettings { HandOffDrainTimeout = TimeSpan.FromSeconds(30) });
    private SimulatedUdesk udesk = null!;

    public static TheoryData<string> Stores() => TestStores.All();

    public async Task InitializeAsync() => udesk = await SimulatedUdesk.StartAsync();

    public async Task DisposeAsync()
    {
        await udesk.DisposeAsync();
        fixture.Dispose();
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task A_leaving_node_finishes_the_call_in_flight_and_the_other_node_carries_on_without_sending_it_again(string kind)
    {
        var (first, second) = await ConversationHost.StartTwoAsync(fixture, await TestStores.CreateAsync(kind), udesk.Clients);
        await using var firstNode = first;
        await using var secondNode = second;
        var id = new ConversationId(ConversationId.DefaultTenant, $"moving-{Guid.NewGuid():N}");
        udesk.HoldAnswers();

        Assert.IsType<Accepted>(await first.Ask(new RequestSession(id, new SessionRequest { AssignType = AssignType.Agent })));
        await Eventually.True(() => udesk.SessionsCreatedFor(id.CustomerToken) == 1, "Udesk handled the session request (its answer held)");
        var (leaving, staying) = (await first.Entities()).Contains(id.EntityId) ? (first, second) : (second, first);
        var draining = HandOffLogged(leaving.System);
        var left = leaving.DisposeAsync().AsTask();
        await draining.WaitAsync(TimeSpan.FromSeconds(60));
        udesk.ReleaseAnswers();
        await left.WaitAsync(TimeSpan.FromSeconds(60));

        var state = await Eventually.Until(() => StateOrNull(staying, id), s => s is not null, "the conversation answers on the staying node");
        Assert.Equal(ConversationStatus.Agent, state!.Status);
        Assert.Empty(state.Outbox);
        Assert.Contains(id.EntityId, await staying.Entities());
        Assert.Equal("handled", Assert.Single(udesk.CallsTo("im/sessions", "POST")).Outcome);
        Assert.Equal(1, udesk.SessionsCreatedFor(id.CustomerToken));
    }

    private static async Task<ConversationState?> StateOrNull(ConversationHost node, ConversationId id)
    {
        try
        {
            return await node.StateOf(id);
        }
        catch (AskTimeoutException)
        {
            // The shard's new home is still being settled (the coordinator may have moved with the leaving node).
            return null;
        }
    }

    /// <summary>Completes once a conversation of <paramref name="system"/> has begun draining a call at a hand-off.</summary>
    private static Task HandOffLogged(ActorSystem system)
    {
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = system.ActorOf(Props.Create(() => new HandOffLogWatcher(logged)));
        system.EventStream.Subscribe(watcher, typeof(Info));
        return logged.Task;
    }

    private sealed class HandOffLogWatcher : ReceiveActor
    {
        public HandOffLogWatcher(TaskCompletionSource logged)
        {
            Receive<Info>(info =>
            {
                if (info.Message.ToString()!.Contains("hands off with Udesk call", StringComparison.Ordinal))
                {
                    logged.TrySetResult();
                }
            });
        }
    }
}
