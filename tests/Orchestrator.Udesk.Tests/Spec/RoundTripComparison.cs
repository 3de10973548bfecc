using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>
/// Compares a spec example with what the model wrote back, semantically: every field of the example is present with
/// an equal value, nothing is invented, and each departure is one the example documents. A null in the example may
/// be left out (the client writes no nulls).
/// </summary>
internal sealed class RoundTripComparison
{
    private readonly IReadOnlyDictionary<string, Difference> documented;
    private readonly HashSet<string> seen = [];
    private readonly List<string> problems = [];

    private RoundTripComparison(IReadOnlyDictionary<string, Difference> documented) => this.documented = documented;

    public static IReadOnlyList<string> Problems(JsonNode original, JsonNode? written, IReadOnlyDictionary<string, Difference> documented)
    {
        var comparison = new RoundTripComparison(documented);
        comparison.Compare("$", original, written);
        // A documented difference that did not happen is stale documentation.
        comparison.problems.AddRange(documented.Keys.Except(comparison.seen).Select(path => $"{path}: documented as {documented[path]}, but not found"));
        return comparison.problems;
    }

    private void Compare(string path, JsonNode original, JsonNode? written)
    {
        switch (original)
        {
            case JsonObject expected:
                CompareObject(path, expected, written);
                break;
            case JsonArray expected:
                CompareArray(path, expected, written);
                break;
            default:
                CompareValue(path, original.AsValue(), written);
                break;
        }
    }

    private void CompareObject(string path, JsonObject expected, JsonNode? written)
    {
        if (written is not JsonObject actual)
        {
            problems.Add($"{path}: expected an object, written {Show(written)}");
            return;
        }

        foreach (var (name, value) in expected)
        {
            var child = $"{path}.{name}";
            var present = actual.TryGetPropertyValue(name, out var writtenValue) && writtenValue is not null;
            if (Documented(child) == Difference.Dropped)
            {
                if (present)
                {
                    problems.Add($"{child}: documented as dropped, but written {Show(writtenValue)}");
                }
            }
            else if (value is null)
            {
                if (present)
                {
                    problems.Add($"{child}: null became {Show(writtenValue)}");
                }
            }
            else if (!present)
            {
                problems.Add($"{child}: lost");
            }
            else
            {
                Compare(child, value, writtenValue);
            }
        }

        foreach (var (name, value) in actual)
        {
            var child = $"{path}.{name}";
            if (!expected.ContainsKey(name) && Documented(child) != Difference.Added)
            {
                problems.Add($"{child}: invented ({Show(value)})");
            }
        }
    }

    private void CompareArray(string path, JsonArray expected, JsonNode? written)
    {
        if (written is not JsonArray actual || actual.Count != expected.Count)
        {
            problems.Add($"{path}: expected an array of {expected.Count}, written {Show(written)}");
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var child = $"{path}[{i}]";
            if (expected[i] is { } item)
            {
                Compare(child, item, actual[i]);
            }
            else if (actual[i] is not null)
            {
                problems.Add($"{child}: null became {Show(actual[i])}");
            }
        }
    }

    private void CompareValue(string path, JsonValue expected, JsonNode? written)
    {
        if (Documented(path) == Difference.Coerced)
        {
            var number = decimal.Parse(expected.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture);
            if (written is not JsonValue actual || actual.GetValueKind() != JsonValueKind.Number || actual.GetValue<decimal>() != number)
            {
                problems.Add($"{path}: {Show(expected)} should be written as the number {number}, written {Show(written)}");
            }
        }
        else if (!JsonNode.DeepEquals(expected, written))
        {
            problems.Add($"{path}: {Show(expected)} became {Show(written)}");
        }
    }

    private Difference? Documented(string path)
    {
        if (!documented.TryGetValue(path, out var difference))
        {
            return null;
        }

        seen.Add(path);
        return difference;
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "nothing";
}
