using System.Globalization;
using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Orchestrator.Conversations.Configuration;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Clustering;

internal static class ClusterHostingExtensions
{
    /// <summary>
    /// Remoting and the cluster: the split-brain resolver, failure detection and hand-over of <c>hocon/cluster.conf</c>
    /// with the tunable values from <paramref name="settings"/>; then formation. Without seed nodes the node forms a
    /// cluster of its own; with them it joins them, forming one only by winning the formation lease in the journal
    /// database (<see cref="ClusterFormation"/>).
    /// </summary>
    public static AkkaConfigurationBuilder WithOrchestratorCluster(
        this AkkaConfigurationBuilder akka, ClusterSettings settings, ConversationStoreOptions store, TimeProvider time)
    {
        // No seed nodes in Akka's own settings: ClusterFormation decides whom to join.
        akka.WithRemoting(settings.Hostname, settings.Port, settings.PublicHostname)
            .WithClustering(new ClusterOptions())
            .AddHocon(HoconFiles.Load(HoconFiles.Cluster), HoconAddMode.Prepend)
            .AddHocon(Tuning(settings), HoconAddMode.Prepend);

        if (settings.SeedNodes.Count == 0)
        {
            return akka.AddStartup((system, _) => Akka.Cluster.Cluster.Get(system).Join(Akka.Cluster.Cluster.Get(system).SelfAddress));
        }

        var seeds = settings.SeedNodes.Select(Address.Parse).ToList();
        var timing = new FormationTiming(settings.FormationLeaseTtl, settings.FormationCheckInterval);
        return akka.AddStartup((system, _) =>
            system.ActorOf(ClusterFormation.Props(new FormationLease(store, system.Name), timing, seeds, time), "cluster-formation"));
    }

    private static string Tuning(ClusterSettings settings) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        akka.cluster {
          failure-detector {
            acceptable-heartbeat-pause = {{settings.AcceptableHeartbeatPause.TotalMilliseconds}}ms
            threshold = {{settings.FailureDetectorThreshold}}
          }
          split-brain-resolver.stable-after = {{settings.StableAfter.TotalMilliseconds}}ms
          down-removal-margin = {{settings.DownRemovalMargin.TotalMilliseconds}}ms
        }
        """);
}
