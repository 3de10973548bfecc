using Akka.Actor;
using Akka.Hosting;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Tests.Domain;
using Orchestrator.Conversations.Tests.Persistence;
using Orchestrator.Conversations.Tests.Support;
using static Orchestrator.Conversations.Delivery.DeadLetterIndexMessages;
using static Orchestrator.Conversations.Delivery.DeliveryCommands;
using static Orchestrator.Conversations.Delivery.DeliveryReplies;
using static Orchestrator.Conversations.Domain.ConversationCommands;

namespace Orchestrator.Conversations.Tests.Delivery;

/// <summary>
/// Delivery hosted as the service hosts it (one-node cluster, real SQLite journal, the dispatcher following it),
/// with a scripted sender: order, skipped internal events, restarts, dead letters and their replay.
/// </summary>
public sealed class DeliveryActorTests : IDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);
    private static readonly DeliveryOptions Options = new() { MinBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(200), MaxAttempts = 1000 };
    private readonly ConversationFixture fixture = new();
    private readonly ConversationId id = new(ConversationId.DefaultTenant, $"hooked-{Guid.NewGuid():N}");

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task Visible_events_go_in_order_internal_ones_are_skipped_and_a_restart_resumes_where_it_stopped()
    {
        var store = await TestStores.CreateAsync(TestStores.Sqlite);
        var failing = new ScriptedWebhook { Script = _ => new WebhookResponse(503) };
        long lastSeq;
        await using (var host = await Start(store, failing))
        {
            await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("start_session", "s1", 501), Pushes.Agent("message", "m1", 501)]));
            await host.Ask(Pushes.Batch(id, "agent", [Pushes.Close("c1", 501)]));
            // An agent-only event after the close: recorded, internal, never delivered.
            await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("survey", "late-1", 501)]));
            lastSeq = (await host.StateOf(id)).Seq;
            await Eventually.True(() => failing.Attempts.Count >= 2, "the first event being retried");
            Assert.Empty(failing.AcknowledgedSeqs(id));
        }

        var healthy = new ScriptedWebhook();
        await using var restarted = await Start(store, healthy);

        // Nothing new was persisted: the remembered delivery restarts by itself.
        await Eventually.True(async () => (await DeliveryOf(restarted)).CaughtUp && (await DeliveryOf(restarted)).Cursor == lastSeq, "the delivery catching up");
        var visible = (await new Orchestrator.Conversations.Feed.ConversationFeed(restarted.System).ReadAsync(id, 0, 100, TimeSpan.Zero, CancellationToken.None)).Entries.Where(e => !e.Internal).Select(e => e.Seq).ToList();
        Assert.Equal(visible, healthy.AcknowledgedSeqs(id));
        Assert.Contains(lastSeq, Enumerable.Range(1, (int)lastSeq).Select(i => (long)i).Except(visible));
    }

    [Fact]
    public async Task A_refused_event_is_dead_lettered_listed_for_the_tenant_and_cleared_by_a_successful_replay()
    {
        var store = await TestStores.CreateAsync(TestStores.Sqlite);
        var refusing = true;
        var webhook = new ScriptedWebhook { Script = entry => entry.Type == "message" && Volatile.Read(ref refusing) ? new WebhookResponse(400) : null };
        await using var host = await Start(store, webhook);
        await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("start_session", "s1", 501), Pushes.Agent("message", "m1", 501)]));
        await host.Ask(Pushes.Batch(id, "agent", [Pushes.Close("c1", 501)]));
        var lastSeq = (await host.StateOf(id)).Seq;

        await Eventually.True(async () => (await DeliveryOf(host)).Cursor == lastSeq, "delivery going past the refused event");
        var dead = Assert.Single((await DeliveryOf(host)).DeadLetters);
        var index = ActorRegistry.For(host.System).Get<DeadLetterIndexRegion>();
        var listed = await Eventually.Until(
            async () => (await index.Ask<DeadLetterPage>(new ListDeadLetters(id.Tenant, 0, 100), AskTimeout)).Entries.SingleOrDefault(e => e.Conversation == id),
            entry => entry is not null,
            "the dead letter in the dead-letter index");
        Assert.Equal((dead.Seq, 400), (listed!.Seq, listed.LastStatus));
        Assert.Single(webhook.Attempts, a => a.Entry.Seq == dead.Seq);

        Volatile.Write(ref refusing, false);
        Assert.IsType<ReplayStarted>(await index.Ask<object>(new ReplayIndexedDeadLetter(id.Tenant, listed.Id), AskTimeout));

        await Eventually.True(async () => (await DeliveryOf(host)).DeadLetters.IsEmpty, "the replayed event leaving the delivery's dead letters");
        await Eventually.True(async () => (await index.Ask<DeadLetterPage>(new ListDeadLetters(id.Tenant, 0, 100), AskTimeout)).Entries.All(e => e.Conversation != id), "the replayed event leaving the dead-letter index");
        Assert.Contains(dead.Seq, webhook.AcknowledgedSeqs(id));
        Assert.IsType<DeadLetterUnknown>(await index.Ask<object>(new ReplayIndexedDeadLetter(id.Tenant, listed.Id), AskTimeout));
    }

    private async Task<DeliveryState> DeliveryOf(ConversationHost host) =>
        (await ActorRegistry.For(host.System).Get<DeliveryRegion>().Ask<DeliveryStatus>(new GetDeliveryState(id), AskTimeout)).State;

    private Task<ConversationHost> Start(ConversationStoreOptions store, IWebhookSender sender) =>
        ConversationHost.StartAsync(fixture, akka => akka
            .WithConversationStore(store)
            .WithDelivery(Options, [new WebhookSubscription(ConversationId.DefaultTenant, IncludeInternal: false)], sender));
}
