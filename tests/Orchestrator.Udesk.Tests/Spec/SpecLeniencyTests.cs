using System.Text.Json;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>The catalogue's claims about which examples are not strict JSON are true, so the README stays honest.</summary>
public sealed class SpecLeniencyTests
{
    public static TheoryData<string> Repaired => new(SpecExamples.All.Where(e => e.Repair is not null).Select(e => e.File));

    public static TheoryData<string> RepairedInbound => new(SpecExamples.Inbound.Where(e => e.Repair is not null).Select(e => e.File));

    [Theory]
    [MemberData(nameof(SpecExamples.Files), MemberType = typeof(SpecExamples))]
    public void Strict_json_rejects_exactly_the_examples_documented_as_lenient(string file)
    {
        var example = SpecExamples.Named(file);

        Assert.Equal(example.Repair is not null, !Parses(example.Verbatim, SpecFixtures.ClientLeniency));
        Assert.Equal(example.NeedsTrailingCommas, !Parses(example.Parseable, default));
    }

    [Theory]
    [MemberData(nameof(Repaired))]
    public void A_repair_changes_the_verbatim_example_into_json(string file)
    {
        var example = SpecExamples.Named(file);

        Assert.NotEqual(example.Verbatim, example.Parseable);
        Assert.True(Parses(example.Parseable, SpecFixtures.ClientLeniency));
    }

    [Theory]
    [MemberData(nameof(RepairedInbound))]
    public async Task The_verbatim_text_of_a_broken_example_is_a_typed_error(string file)
    {
        var example = SpecExamples.Inbound.Single(e => e.File == file);

        var error = await example.ReadAsync(example.Verbatim);

        Assert.Equal(UdeskErrorKind.InvalidResponse, error?.Kind);
    }

    private static bool Parses(string json, JsonDocumentOptions options)
    {
        try
        {
            using var document = JsonDocument.Parse(json, options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
