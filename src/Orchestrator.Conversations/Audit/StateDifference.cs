using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Conversations.Serialization;

namespace Orchestrator.Conversations.Audit;

/// <summary>One field where two values disagree: its JSON path, and each side as JSON (null where it is absent).</summary>
public sealed record StateDifference(string Path, string? Expected, string? Actual)
{
    /// <summary>
    /// Every field where <paramref name="expected"/> and <paramref name="actual"/> differ, compared as the journal
    /// writes them (the snapshot format): generic, so a field added to a record is compared without a change here.
    /// </summary>
    public static IReadOnlyList<StateDifference> Between<T>(T expected, T actual)
    {
        var differences = new List<StateDifference>();
        Compare(JsonSerializer.SerializeToNode(expected, ConversationSerializer.Options), JsonSerializer.SerializeToNode(actual, ConversationSerializer.Options), "$", differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<StateDifference> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject left, JsonObject right):
                foreach (var name in left.Select(p => p.Key).Union(right.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    Compare(left[name], right[name], $"{path}.{name}", differences);
                }

                break;
            case (JsonArray left, JsonArray right):
                for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                {
                    Compare(i < left.Count ? left[i] : null, i < right.Count ? right[i] : null, $"{path}[{i}]", differences);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add(new StateDifference(path, expected?.ToJsonString(ConversationSerializer.Options), actual?.ToJsonString(ConversationSerializer.Options)));
                }

                break;
        }
    }
}
