namespace Orchestrator.Host.Clustering;

/// <summary>
/// What one look at the formation lease decided, published on the actor system's event stream (and logged):
/// <see cref="FormationStep.Deferred"/> means a cluster renewed the lease recently, so this node only joins seeds.
/// </summary>
public sealed record FormationChecked(FormationStep Step, string? Holder);

public enum FormationStep
{
    /// <summary>A cluster is alive (the lease is fresh): keep trying the seed nodes, never form.</summary>
    Deferred,

    /// <summary>Nobody renewed the lease for its time-to-live and this node claimed it: it forms the cluster.</summary>
    Forming,

    /// <summary>This node is an Up member and renewed the lease.</summary>
    Renewed,
}
