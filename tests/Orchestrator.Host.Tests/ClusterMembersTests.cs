using System.Net;
using Orchestrator.Host.Tests.Support;

namespace Orchestrator.Host.Tests;

/// <summary><c>GET /cluster/members</c> on a node that formed its own cluster: itself, Up, leader and oldest.</summary>
public sealed class ClusterMembersTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    [Fact]
    public async Task A_single_node_sees_itself_up_as_leader_and_oldest()
    {
        // The node joins itself once the host has started: read until it is Up.
        var view = await Eventually.Until(
            () => host.Http.GetAsync("cluster/members").Expect(HttpStatusCode.OK), v => v.Str("self_status") == "Up", "the node Up in its own cluster");

        var self = view.Str("self");
        var member = Assert.Single(view["members"]!.AsArray())!;
        Assert.StartsWith("akka.tcp://orchestrator@", self, StringComparison.Ordinal);
        Assert.Equal(("Up", self, self), (view.Str("self_status"), view.Str("leader"), view.Str("oldest")));
        Assert.Equal((self, view.Str("self_uid"), "Up", "false"), (member.Str("address"), member.Str("uid"), member.Str("status"), member.Str("unreachable")));
    }
}
