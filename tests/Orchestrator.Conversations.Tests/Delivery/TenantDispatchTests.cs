using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Tests.Domain;
using Orchestrator.Conversations.Tests.Persistence;
using Orchestrator.Conversations.Tests.Support;

namespace Orchestrator.Conversations.Tests.Delivery;

/// <summary>
/// The dispatcher follows one tag stream per tenant with a webhook; a journal whose dispatcher recorded the single
/// offset of the version before resumes every tenant from there.
/// </summary>
public sealed class TenantDispatchTests : IDisposable
{
    private static readonly DeliveryOptions Options = new() { MinBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(200), MaxAttempts = 1000 };
    private readonly ConversationFixture fixture = new();
    private readonly string run = Guid.NewGuid().ToString("N")[..8];

    public static TheoryData<string> Stores() => TestStores.All();

    public void Dispose() => fixture.Dispose();

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Each_tenant_resumes_from_the_single_offset_recorded_before_and_records_its_own(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        var before = new ConversationId(ConversationId.DefaultTenant, $"before-{run}");
        var after = new ConversationId(ConversationId.DefaultTenant, $"after-{run}");
        var otherTenant = new ConversationId($"acme-{run}", $"after-{run}");
        var unsubscribed = new ConversationId($"quiet-{run}", $"after-{run}");
        await using (var writer = await ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store)))
        {
            await Converse(writer, before);
            var journal = PersistenceQuery.Get(writer.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
            var offset = (await journal.CurrentAllEvents(Offset.NoOffset()).CollectAsync(writer.System.Materializer(), CancellationToken.None)).Max(e => ((Sequence)e.Offset).Value);

            // What the dispatcher of the version before left: one offset for the whole journal.
            var legacy = writer.System.ActorOf(Props.Create(() => new LegacyDispatcher(offset)));
            Assert.Equal(offset, await legacy.Ask<long>("written", TimeSpan.FromSeconds(30)));
            foreach (var id in new[] { after, otherTenant, unsubscribed })
            {
                await Converse(writer, id);
            }
        }

        var webhook = new ScriptedWebhook();
        await using var host = await ConversationHost.StartAsync(fixture, akka => akka
            .WithConversationStore(store)
            .WithDelivery(
                Options,
                [new WebhookSubscription(ConversationId.DefaultTenant, IncludeInternal: true), new WebhookSubscription(otherTenant.Tenant, IncludeInternal: true)],
                webhook));

        var lastSeq = (await host.StateOf(after)).Seq;
        Assert.Equal(lastSeq, (await host.StateOf(otherTenant)).Seq);
        await Eventually.True(
            () => webhook.AcknowledgedSeqs(after).Count == lastSeq && webhook.AcknowledgedSeqs(otherTenant).Count == lastSeq,
            "both tenants' new conversations delivered");
        var inspector = new StoreInspector(store);
        await Eventually.True(
            async () => (await inspector.JournalOf(DeliveryDispatcher.Id)).Count(r => r.Manifest == "delivery.tenant-dispatch-offset-recorded") >= 2,
            "an offset recorded per tenant");
        var recorded = (await inspector.JournalOf(DeliveryDispatcher.Id)).Where(r => r.Manifest == "delivery.tenant-dispatch-offset-recorded").Select(r => r.Json).ToList();
        Assert.Contains(recorded, json => json.Contains($"acme-{run}", StringComparison.Ordinal));
        Assert.Contains(recorded, json => json.Contains("\"default\"", StringComparison.Ordinal));

        // Everything of the conversation before the recorded offset had been dispatched: it is not again.
        Assert.Empty(webhook.AcknowledgedSeqs(before));
        Assert.Empty(webhook.AcknowledgedSeqs(unsubscribed));
    }

    /// <summary>A session, a message and its close.</summary>
    private static async Task Converse(ConversationHost host, ConversationId id)
    {
        await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("start_session", "s1", 501), Pushes.Agent("message", "m1", 501)]));
        await host.Ask(Pushes.Batch(id, "agent", [Pushes.Close("c1", 501)]));
    }

    private sealed class LegacyDispatcher : ReceivePersistentActor
    {
        public LegacyDispatcher(long offset)
        {
            Command<string>(_ =>
            {
                var replyTo = Sender;
                Persist(new DispatchOffsetRecorded(offset), recorded => replyTo.Tell(recorded.Offset));
            });
        }

        public override string PersistenceId => DeliveryDispatcher.Id;
    }
}
