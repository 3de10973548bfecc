using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Udesk.Simulator.Tests.Support;

/// <summary>The spec's literal examples, copied under Fixtures/ (see Fixtures/README.md).</summary>
public static class Fixture
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonNode Json(string name) => JsonNode.Parse(Text(name), documentOptions: Lenient)!;

    public static JsonNode Parse(string json) => JsonNode.Parse(json, documentOptions: Lenient)!;
}
