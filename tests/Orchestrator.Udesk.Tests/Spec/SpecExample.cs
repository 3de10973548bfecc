using System.Text.Json.Nodes;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>One JSON example of the spec, the fixture holding it verbatim, and the model the client maps it to.</summary>
public abstract record SpecExample(string File, string Model)
{
    /// <summary>Set where the printed example is not JSON at all; see <see cref="Repair"/>.</summary>
    public Repair? Repair { get; init; }

    /// <summary>Set where the example relies on the client's tolerance of trailing commas.</summary>
    public bool NeedsTrailingCommas { get; init; }

    /// <summary>Values the model changes on purpose, by path (<c>$.assign_info.survey_options</c>).</summary>
    public IReadOnlyDictionary<string, Difference> Differences { get; init; } = new Dictionary<string, Difference>();

    public string Verbatim => SpecFixtures.Read(File);

    /// <summary>The example with its documented repair applied: what the round trip reads.</summary>
    public string Parseable => Repair is null ? Verbatim : Repair.Apply(Verbatim);

    /// <summary>Reads <paramref name="json"/> into the model the way the client does and writes it back with the client's serializer.</summary>
    public abstract Task<JsonNode?> RoundTripAsync(string json);

    public override string ToString() => File;
}
