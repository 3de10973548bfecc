using Akka.Actor;
using Akka.Cluster.Sharding;

namespace Orchestrator.Conversations.Telemetry;

/// <summary>
/// One per node: asks a shard region of this node, every interval, which shards and entities it hosts, for the
/// <c>orchestrator.cluster.shards</c> and <c>orchestrator.cluster.entities</c> gauges. The region answers from its
/// own shards (no cluster-wide query), so a scrape costs nothing and a dead node's figures leave with it.
/// </summary>
public sealed class ShardRegionMetricsActor : ReceiveActor, IWithTimers
{
    /// <summary>Often enough for a dashboard, rare enough that asking every shard costs nothing worth measuring.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private const string PollTimer = "poll";

    private readonly string node = NodeAddress.Of(Context.System);
    private readonly string regionName;

    public ShardRegionMetricsActor(IActorRef region, string regionName, TimeSpan interval)
    {
        this.regionName = regionName;
        Receive<Poll>(_ => region.Tell(GetShardRegionState.Instance));
        Receive<CurrentShardRegionState>(state =>
        {
            OrchestratorMetrics.Shards.Set(node, regionName, state.Shards.Count);
            OrchestratorMetrics.Entities.Set(node, regionName, state.Shards.Sum(s => s.EntityIds.Count));
        });
        Timers.StartPeriodicTimer(PollTimer, Poll.Instance, TimeSpan.Zero, interval);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef region, string regionName, TimeSpan interval) =>
        Akka.Actor.Props.Create(() => new ShardRegionMetricsActor(region, regionName, interval));

    protected override void PostStop()
    {
        OrchestratorMetrics.Shards.Remove(node, regionName);
        OrchestratorMetrics.Entities.Remove(node, regionName);
    }

    private sealed class Poll : INoSerializationVerificationNeeded
    {
        public static readonly Poll Instance = new();
    }
}
