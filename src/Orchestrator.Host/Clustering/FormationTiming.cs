namespace Orchestrator.Host.Clustering;

/// <summary>How fresh the formation lease must be to mean "a cluster is alive", and how often it is read or renewed.</summary>
internal sealed record FormationTiming(TimeSpan LeaseTtl, TimeSpan CheckInterval)
{
    /// <summary>
    /// Bound of one read or renewal: a third of the TTL (at least one interval), so a first connection on a node
    /// busy starting (10 s with the defaults) is not given up, while a renewal that late would not matter anyway.
    /// </summary>
    public TimeSpan DatabaseTimeout => LeaseTtl / 3;
}
