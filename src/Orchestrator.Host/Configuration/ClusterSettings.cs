using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Host.Configuration;

/// <summary>
/// How this node joins, watches and leaves the Akka.NET cluster (configuration section <c>Orchestrator:Cluster</c>).
/// deploy/README.md ("Formation, downing and shutdown") explains what each setting costs.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Orchestrator:Cluster";

    /// <summary>Address Akka.Remote binds to.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>Address other nodes reach this one at (a pod IP in Kubernetes); defaults to <see cref="Hostname"/>.</summary>
    public string? PublicHostname { get; set; }

    /// <summary>Akka.Remote port; 0 picks a free one (fine for a single node).</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>
    /// Every node's address (<c>akka.tcp://orchestrator@host:port</c>), this one's included. None: this node forms a
    /// cluster of its own. Some: it joins whichever of them answers, and forms a new cluster only after winning the
    /// formation lease in the journal database (see <see cref="FormationLeaseTtl"/>).
    /// </summary>
    public List<string> SeedNodes { get; set; } = [];

    /// <summary>
    /// A formation lease renewed less than this long ago means a cluster is alive: a starting node then only joins,
    /// never forms. Also how long nodes wait after a whole-cluster outage before one of them forms anew.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00")]
    public TimeSpan FormationLeaseTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often every Up member renews the formation lease, and a node not yet joined reads it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan FormationCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Heartbeats a node may miss before it counts as unreachable (Akka's <c>acceptable-heartbeat-pause</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan AcceptableHeartbeatPause { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The phi accrual failure detector's threshold: lower suspects sooner (and more falsely).</summary>
    [Range(1.0, 20.0)]
    public double FailureDetectorThreshold { get; set; } = 8.0;

    /// <summary>How long membership must be stable before the split-brain resolver downs unreachable nodes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After a node is downed, how long before its shards and singletons start elsewhere: time for the other side of
    /// a partition to stop its own copies. Not zero: Akka reads that as "as long as <see cref="StableAfter"/>".
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan DownRemovalMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a stopping node may take in all (HostOptions.ShutdownTimeout): streams end at once, Kestrel drains
    /// the other requests, then the node hands its shards over and leaves the cluster.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);
}
