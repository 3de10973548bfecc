using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace Orchestrator.Host.Clustering;

/// <summary>
/// Joins the cluster without ever making a second one. From the start the node tries every seed but itself, which
/// never forms a cluster; each interval it reads the formation lease, and forms a new cluster (joins itself) only
/// after claiming a lease nobody renewed for its time-to-live. Once Up it renews the lease each interval, so while any
/// member lives, a restarted node whose peers it cannot reach waits for them instead of starting a cluster of its own.
/// </summary>
internal sealed class ClusterFormation : ReceiveActor, IWithTimers
{
    private readonly Cluster cluster = Cluster.Get(Context.System);
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly FormationLease lease;
    private readonly FormationTiming timing;
    private readonly IReadOnlyList<Address> seeds;
    private readonly TimeProvider time;
    private bool joining;
    private bool checking;

    public ClusterFormation(FormationLease lease, FormationTiming timing, IReadOnlyList<Address> seeds, TimeProvider time)
    {
        this.lease = lease;
        this.timing = timing;
        this.seeds = seeds;
        this.time = time;
        Receive<Check>(_ => OnCheck());
        Receive<FormationChecked>(OnChecked);
        Receive<Status.Failure>(failure =>
        {
            checking = false;
            log.Warning(failure.Cause, "Could not read or renew the cluster formation lease; trying again in {0}", timing.CheckInterval);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(FormationLease lease, FormationTiming timing, IReadOnlyList<Address> seeds, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new ClusterFormation(lease, timing, seeds, time));

    protected override void PreStart()
    {
        var others = seeds.Where(seed => seed != cluster.SelfAddress).ToList();
        if (others.Count > 0)
        {
            // Seed-node joining where this node is not the first seed: it retries the others and never joins itself.
            cluster.JoinSeedNodes(others);
        }

        Self.Tell(Check.Instance);
        Timers.StartPeriodicTimer(nameof(Check), Check.Instance, timing.CheckInterval);
    }

    private void OnCheck()
    {
        var status = cluster.SelfMember.Status;
        joining |= status != MemberStatus.Removed;
        if (checking || (joining && status != MemberStatus.Up))
        {
            return;
        }

        checking = true;
        var self = cluster.SelfAddress.ToString();
        (status == MemberStatus.Up ? RenewAsync(self) : DecideAsync(self)).PipeTo(Self);
    }

    private async Task<FormationChecked> RenewAsync(string self)
    {
        using var timeout = new CancellationTokenSource(timing.DatabaseTimeout);
        await lease.RenewAsync(self, time.GetUtcNow(), timeout.Token);
        return new FormationChecked(FormationStep.Renewed, self);
    }

    private async Task<FormationChecked> DecideAsync(string self)
    {
        using var timeout = new CancellationTokenSource(timing.DatabaseTimeout);
        var now = time.GetUtcNow();
        var staleBefore = now - timing.LeaseTtl;
        var holder = await lease.ReadAsync(timeout.Token);
        if (holder is not null && holder.RenewedAt >= staleBefore)
        {
            return new FormationChecked(FormationStep.Deferred, holder.Address);
        }

        return await lease.TryClaimAsync(self, now, staleBefore, timeout.Token)
            ? new FormationChecked(FormationStep.Forming, self)
            : new FormationChecked(FormationStep.Deferred, (await lease.ReadAsync(timeout.Token))?.Address);
    }

    private void OnChecked(FormationChecked result)
    {
        checking = false;
        switch (result.Step)
        {
            case FormationStep.Forming when !joining:
                joining = true;
                log.Info("No cluster renewed the formation lease for {0}: this node claimed it and forms the cluster", timing.LeaseTtl);
                cluster.Join(cluster.SelfAddress);
                break;
            case FormationStep.Deferred:
                log.Info("Cluster alive (formation lease renewed by {0}): joining its seed nodes, not forming one", result.Holder);
                break;
        }

        Context.System.EventStream.Publish(result);
    }

    private sealed class Check
    {
        public static readonly Check Instance = new();
    }
}
