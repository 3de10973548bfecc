namespace Orchestrator.Host.Clustering;

/// <summary>How fresh the formation lease must be to mean "a cluster is alive", and how often it is read or renewed.</summary>
internal sealed record FormationTiming(TimeSpan LeaseTtl, TimeSpan CheckInterval);
