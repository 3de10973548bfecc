using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Tests.Clustering;

/// <summary>The cluster's settings are checked at start, each failure naming its key.</summary>
public sealed class ClusterSettingsTests
{
    private static ClusterSettings Bind(Dictionary<string, string?> values) => ValidatedConfiguration.Bind(
        new ConfigurationBuilder().AddInMemoryCollection(values).Build(), ClusterSettings.Section, new ClusterSettingsValidator());

    [Fact]
    public void Defaults_and_every_node_as_a_seed_are_valid()
    {
        var settings = Bind(new()
        {
            ["Orchestrator:Cluster:SeedNodes:0"] = "akka.tcp://orchestrator@orchestrator-0.orchestrator-cluster:4053",
            ["Orchestrator:Cluster:SeedNodes:1"] = "akka.tcp://orchestrator@orchestrator-1.orchestrator-cluster:4053",
        });

        Assert.Equal(2, settings.SeedNodes.Count);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.FormationLeaseTtl);
    }

    [Fact]
    public void A_seed_that_is_no_address_and_a_lease_shorter_than_three_checks_fail_naming_the_keys()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Orchestrator:Cluster:SeedNodes:0"] = "orchestrator-0:4053",
            ["Orchestrator:Cluster:FormationLeaseTtl"] = "00:00:10",
            ["Orchestrator:Cluster:FormationCheckInterval"] = "00:00:05",
        }));

        Assert.Contains(failure.Failures, f => f.StartsWith("Orchestrator:Cluster:SeedNodes:0:", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Orchestrator:Cluster:FormationLeaseTtl", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zero_down_removal_margin_is_refused_since_akka_would_read_it_as_stable_after()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Orchestrator:Cluster:DownRemovalMargin"] = "00:00:00" }));

        Assert.Contains(failure.Failures, f => f.StartsWith("Orchestrator:Cluster:DownRemovalMargin", StringComparison.Ordinal));
    }
}
