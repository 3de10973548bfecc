using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>The spec's JSON examples, copied under Fixtures/spec and shipped beside the test assembly (never read from ../shared).</summary>
internal static class SpecFixtures
{
    public const string ReadmeName = "README.md";

    /// <summary>What the client itself tolerates when it reads Udesk's JSON (see UdeskJson and UdeskPushParser).</summary>
    public static readonly JsonDocumentOptions ClientLeniency = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "spec");

    public static string Read(string file) => File.ReadAllText(Path.Combine(Root, file));

    /// <summary>Every file under Fixtures/spec, relative, with '/' separators.</summary>
    public static IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static JsonNode ParseAsClient(string json) => JsonNode.Parse(json, documentOptions: ClientLeniency)!;
}
