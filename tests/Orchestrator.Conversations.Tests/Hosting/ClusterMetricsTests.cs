using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Telemetry;
using Orchestrator.Conversations.Tests.Persistence;
using Orchestrator.Conversations.Tests.Support;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Hosting;

/// <summary>
/// The cluster's instruments on the "Orchestrator" meter, read as an exporter reads them, from a one-node cluster
/// on SQLite: where the singletons run, shards and entities, the budget's permits and queue, the outbox.
/// Gauges are tagged with the node, so other tests' nodes in this process do not count.
/// </summary>
public sealed class ClusterMetricsTests : IDisposable
{
    private readonly ConversationFixture fixture = new(new ConversationSettings
    {
        RetryMinBackoff = TimeSpan.FromMilliseconds(20),
        RetryMaxBackoff = TimeSpan.FromMilliseconds(200),
        OutboxSweepInterval = TimeSpan.FromMilliseconds(300),
    });

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string? Node, string? Subject), double> gauges = new();
    private readonly ConcurrentDictionary<string, double> sums = new();
    private readonly ConcurrentDictionary<string, int> counts = new();

    public ClusterMetricsTests()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OrchestratorMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    public void Dispose()
    {
        listener.Dispose();
        fixture.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? node = null;
        string? subject = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "node")
            {
                node = tag.Value as string;
            }
            else
            {
                subject = tag.Value as string;
            }
        }

        if (instrument.GetType().Name.StartsWith("Observable", StringComparison.Ordinal))
        {
            gauges[(instrument.Name, node, subject)] = value;
        }
        else
        {
            sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            counts.AddOrUpdate(instrument.Name, 1, (_, count) => count + 1);
        }
    }

    private double? Gauge(string instrument, string node, string subject)
    {
        gauges.Clear();
        listener.RecordObservableInstruments();
        return gauges.TryGetValue((instrument, node, subject), out var value) ? value : null;
    }

    private double Sum(string instrument) => sums.GetValueOrDefault(instrument);

    [Fact]
    public async Task A_node_reports_its_singletons_shards_entities_permits_and_outbox()
    {
        var store = await TestStores.CreateAsync(TestStores.Sqlite);
        await using var host = await ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store));
        var node = NodeAddress.Of(host.System);
        var granted = Sum("orchestrator.budget.permits_granted");
        var waits = counts.GetValueOrDefault("orchestrator.budget.permit_wait");

        var id = new ConversationId(ConversationId.DefaultTenant, $"metered-{Guid.NewGuid():N}");
        await host.Ask(new RequestSession(id, new SessionRequest()));
        await host.Until(id, s => s.Status == ConversationStatus.Robot);

        await Eventually.True(() => Task.FromResult(Gauge("orchestrator.cluster.singleton", node, ConversationsHostingExtensions.CallBudgetName) == 1), "the budget singleton reported on this node");
        Assert.Equal(1, Gauge("orchestrator.cluster.singleton", node, ConversationsHostingExtensions.OutboxSweeperName));
        // Polled every 10 s: the conversation's shard and entity show up at the latest one poll later.
        await Eventually.True(() => Task.FromResult(Gauge("orchestrator.cluster.entities", node, ConversationsHostingExtensions.RegionName) >= 1), "the conversation counted on this node");
        Assert.True(Gauge("orchestrator.cluster.shards", node, ConversationsHostingExtensions.RegionName) >= 1);
        Assert.True(Sum("orchestrator.budget.permits_granted") > granted);
        Assert.True(counts.GetValueOrDefault("orchestrator.budget.permit_wait") > waits);
        Assert.Equal(0, Gauge("orchestrator.budget.queue_depth", node, ConversationId.DefaultTenant));

        // Calls Udesk does not answer stay in the outbox: the sweeper's ledger counts them.
        fixture.Udesk.Down = true;
        foreach (var i in Enumerable.Range(1, 3))
        {
            Assert.IsType<Accepted>(await host.Ask(new SendMessage(id, $"m{i}", "message", new MessagePayload { Content = $"text {i}" })));
        }

        await Eventually.True(() => Task.FromResult(Gauge("orchestrator.outbox.depth", node, ConversationId.DefaultTenant) == 3), "three calls in the outbox");
        Assert.True(Gauge("orchestrator.outbox.oldest_age", node, ConversationId.DefaultTenant) >= 0);
        fixture.Udesk.Down = false;
        await Eventually.True(() => Task.FromResult(Gauge("orchestrator.outbox.depth", node, ConversationId.DefaultTenant) is null), "the outbox drained");
    }
}
