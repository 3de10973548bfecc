using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Pushes;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>
/// The spec's survey_options is pseudo-JSON, so a hand-written fixture stands in for it. These tests hold that
/// fixture to the printed text, and check the survey reads the same in a session answer and in a close push.
/// </summary>
public sealed partial class SurveyOptionsSpecTests
{
    private const string Verbatim = "surveys/survey-options.json";
    private const string Repaired = "surveys/survey-options.repaired.json";

    [Fact]
    public void The_repaired_survey_names_every_field_of_the_printed_one()
    {
        var printed = Key().Matches(SpecFixtures.Read(Verbatim)).Select(m => m.Groups["key"].Value).Where(k => k != "survey_options").ToHashSet();
        var repaired = Names(SpecFixtures.ParseAsClient(SpecFixtures.Read(Repaired))).ToHashSet();

        Assert.Empty(printed.Except(repaired));
    }

    [Fact]
    public void The_repaired_survey_keeps_every_concrete_value_of_the_printed_one()
    {
        var repaired = Pairs(SpecFixtures.ParseAsClient(SpecFixtures.Read(Repaired))).ToHashSet();
        var printed = KeyAndLiteral().Matches(SpecFixtures.Read(Verbatim))
            .Select(m => (m.Groups["key"].Value, JsonNode.Parse(m.Groups["value"].Value)!.ToJsonString()))
            .ToList();

        var lost = printed.Where(pair => !repaired.Contains(pair)).ToList();

        Assert.NotEmpty(printed);
        Assert.Empty(lost);
    }

    [Fact]
    public void The_spec_survey_reads_the_same_in_a_close_push_as_in_a_session_answer()
    {
        var survey = SpecFixtures.Read(Repaired);
        var agentPush = SpecExamples.Named("pushes/agent-reply.json").Parseable
            .Replace("\"survey_options\": \"See survey_options section\"", $"\"survey_options\": {survey}", StringComparison.Ordinal);

        var push = UdeskPushParser.Parse(Encoding.UTF8.GetBytes(agentPush));

        var close = Assert.IsType<AgentReplyMessage>(Assert.IsType<ReplyNotification>(push).Messages[^1]);
        var options = close.Data!.SurveyOptions!;
        Assert.Equal("text", options.ShowType);
        Assert.Equal(36, options.ShownChoices!.DefaultOptionId);
        Assert.Equal([36L, 37, 38, 39, 40], options.Options!.Select(o => o.Id!.Value));
        Assert.Equal("0", options.ResolvedOptions!.Value);
        var written = JsonSerializer.SerializeToNode(options, UdeskJson.Options);
        Assert.Empty(RoundTripComparison.Problems(SpecFixtures.ParseAsClient(survey), written, SpecExamples.Named(Verbatim).Differences));
    }

    [Fact]
    public async Task The_printed_survey_spliced_into_an_answer_is_a_typed_error()
    {
        var example = (InboundExample)SpecExamples.Named(Verbatim);

        var error = await example.ReadAsync(SpecFixtures.Read(Verbatim));

        Assert.Equal(UdeskErrorKind.InvalidResponse, error?.Kind);
    }

    private static IEnumerable<string> Names(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Names(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Names),
        _ => [],
    };

    private static IEnumerable<(string, string)> Pairs(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Pairs(p.Value).Prepend((p.Key, p.Value?.ToJsonString() ?? "null"))),
        JsonArray a => a.SelectMany(Pairs),
        _ => [],
    };

    /// <summary>A key at the start of a line, quoted or not: <c>"enabled":</c>, <c>text: {</c>.</summary>
    [GeneratedRegex(@"^\s*""?(?<key>[a-z_]+)""?\s*:", RegexOptions.Multiline)]
    private static partial Regex Key();

    /// <summary>A key with a JSON literal value: <c>"id": 36</c>, <c>tags: "tag1,tag2"</c>.</summary>
    [GeneratedRegex(@"^\s*""?(?<key>[a-z_]+)""?\s*:\s*(?<value>""[^""]*""|-?\d+|true|false)\s*(?:,|$|#|//)", RegexOptions.Multiline)]
    private static partial Regex KeyAndLiteral();
}
