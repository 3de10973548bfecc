namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>Every spec example, read into its model the way the client reads it and written back, keeps every field.</summary>
public sealed class SpecRoundTripTests
{
    [Theory]
    [MemberData(nameof(SpecExamples.Files), MemberType = typeof(SpecExamples))]
    public async Task Every_spec_example_round_trips_through_its_model(string file)
    {
        var example = SpecExamples.Named(file);
        var json = example.Parseable;

        var written = await example.RoundTripAsync(json);

        Assert.Empty(RoundTripComparison.Problems(SpecFixtures.ParseAsClient(json), written, example.Differences));
    }
}
