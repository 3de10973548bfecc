using System.Net;
using Orchestrator.Host.Tests.Support;

namespace Orchestrator.Host.Tests;

/// <summary>The three probes answer on a started node: alive, started (joined the cluster), ready (on its own facts).</summary>
public sealed class HealthEndpointTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    [Theory]
    [InlineData("healthz")]
    [InlineData("startupz")]
    [InlineData("readyz")]
    public async Task A_started_node_answers_every_probe(string probe)
    {
        // The node may still be joining its one-node cluster when the fixture is up.
        var answer = await Eventually.Until(
            async () =>
            {
                using var response = await host.Http.GetAsync(probe);
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            },
            answer => answer.StatusCode == HttpStatusCode.OK,
            $"/{probe} answering 200");

        Assert.Equal("Healthy", answer.Body);
    }
}
