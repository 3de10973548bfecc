using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.EndToEnd.Tests.Support;

namespace Orchestrator.EndToEnd.Tests.Cluster;

/// <summary>One of the harness's service processes: its place in the StatefulSet's order and its Akka.Remote port.</summary>
public sealed record ClusterNode(int Ordinal, int AkkaPort, ChildOrchestrator Process)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Address => AkkaAddress(AkkaPort);

    public static string AkkaAddress(int port) => $"akka.tcp://orchestrator@127.0.0.1:{port}";

    /// <summary>The node's view of the cluster (<c>GET /cluster/members</c>), or null when it does not answer within 5 s.</summary>
    public async Task<ClusterView?> Members()
    {
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            return await Process.Http.GetFromJsonAsync<ClusterView>("cluster/members", Json, bound.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public override string ToString() => $"node {Ordinal}";
}

/// <summary>What <c>GET /cluster/members</c> answers.</summary>
public sealed record ClusterView(string Self, long SelfUid, string SelfStatus, string? Leader, string? Oldest, IReadOnlyList<MemberView> Members)
{
    public IEnumerable<(string Address, long Uid)> Up => Members.Where(m => m.Status == "Up").Select(m => (m.Address, m.Uid));

    public bool Lists(ClusterView other) => Members.Any(m => m.Address == other.Self && m.Uid == other.SelfUid);

    public override string ToString() =>
        $"{Self}#{SelfUid} {SelfStatus}: [{string.Join(", ", Members.Select(m => $"{m.Address}#{m.Uid} {m.Status}{(m.Unreachable ? " unreachable" : "")}"))}]";
}

public sealed record MemberView(string Address, long Uid, string Status, bool Unreachable);
