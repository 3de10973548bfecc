using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Udesk.Simulator.Tests.Support;

/// <summary>
/// JSON equivalence with a spec example, ignoring values that are generated (ids, times, names): both sides must
/// have the same fields, nested the same way, with the same JSON kinds. Values are compared only at
/// <c>Fixed</c> paths; <c>Optional</c> fields may be missing; <c>Skip</c> paths are placeholders in the example
/// and are checked elsewhere. Paths look like <c>messages[].data.content</c>; array elements are compared with
/// the example element at the same index, or its last one.
/// </summary>
public sealed record JsonShape(IReadOnlySet<string> Fixed, IReadOnlySet<string> Optional, IReadOnlySet<string> Skip)
{
    public static JsonShape Of(string[]? @fixed = null, string[]? optional = null, string[]? skip = null) =>
        new(new HashSet<string>(@fixed ?? []), new HashSet<string>(optional ?? []), new HashSet<string>(skip ?? []));

    public void AssertMatches(JsonNode? expected, JsonNode? actual) => Compare(expected, actual, "");

    private void Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        if (Skip.Contains(path))
        {
            return;
        }

        var display = path.Length == 0 ? "(root)" : path;
        Assert.True(Kind(expected) == Kind(actual), $"{display}: expected {Kind(expected)}, found {Kind(actual)} ({actual?.ToJsonString()}).");
        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = actual!.AsObject();
                foreach (var (name, value) in expectedObject)
                {
                    var child = Join(path, name);
                    if (actualObject.ContainsKey(name))
                    {
                        Compare(value, actualObject[name], child);
                    }
                    else
                    {
                        Assert.True(Optional.Contains(child) || Skip.Contains(child), $"{child} is missing from {actual.ToJsonString()}.");
                    }
                }

                var extra = actualObject.Select(p => p.Key).Where(name => !expectedObject.ContainsKey(name)).ToList();
                Assert.True(extra.Count == 0, $"{display} has fields the spec's example does not: {string.Join(", ", extra)}.");
                break;
            case JsonArray expectedArray:
                var actualArray = actual!.AsArray();
                Assert.True(expectedArray.Count == 0 || actualArray.Count > 0, $"{display} is empty where the example has elements.");
                for (var i = 0; i < actualArray.Count && expectedArray.Count > 0; i++)
                {
                    Compare(expectedArray[Math.Min(i, expectedArray.Count - 1)], actualArray[i], path + "[]");
                }

                break;
            default:
                if (Fixed.Contains(path))
                {
                    Assert.True(JsonNode.DeepEquals(expected, actual), $"{display}: expected {expected?.ToJsonString()}, found {actual?.ToJsonString()}.");
                }

                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => "boolean",
            var kind => kind.ToString().ToLowerInvariant(),
        },
    };
}
