using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Host.Configuration;

/// <summary>How this node joins the Akka.NET cluster (configuration section <c>Orchestrator:Cluster</c>).</summary>
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

    /// <summary>Seed node addresses (<c>akka.tcp://orchestrator@host:port</c>); none means this node forms its own cluster.</summary>
    public List<string> SeedNodes { get; set; } = [];
}
