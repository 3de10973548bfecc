using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>Replaces the value at a simple path (<c>$.messages[0].data</c>) of a JSON document.</summary>
internal static partial class JsonPath
{
    public static string Replace(string json, string path, string replacement)
    {
        var root = SpecFixtures.ParseAsClient(json);
        var steps = Step().Matches(path).ToList();
        Assert.True(steps.Count > 0 && path == "$" + string.Concat(steps.Select(s => s.Value)), $"Not a simple path: {path}");

        var parent = steps.SkipLast(1).Aggregate(root, (node, step) => Child(node, step) ?? throw new ArgumentException($"{path} does not exist."));
        var last = steps[^1];
        var value = JsonNode.Parse(replacement);
        if (last.Groups["name"].Success)
        {
            Assert.True(parent.AsObject().ContainsKey(last.Groups["name"].Value), $"{path} does not exist.");
            parent[last.Groups["name"].Value] = value;
        }
        else
        {
            parent[Index(last)] = value;
        }

        return root.ToJsonString();
    }

    private static JsonNode? Child(JsonNode node, Match step) =>
        step.Groups["name"].Success ? node[step.Groups["name"].Value] : node[Index(step)];

    private static int Index(Match step) => int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\.(?<name>[A-Za-z_]+)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
