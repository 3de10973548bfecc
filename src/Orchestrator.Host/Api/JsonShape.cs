using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Orchestrator.Host.Api;

/// <summary>
/// One pass over a JSON body checking what the binder would only meet deep inside (or not at all, for properties
/// it skips): nesting deeper than allowed and overlong strings. Malformed JSON is left to the binder to name.
/// </summary>
internal static class JsonShape
{
    /// <summary>The problem naming the offending field, or null when the body is within both limits (or not JSON).</summary>
    public static ProblemDetails? Problem(ReadOnlySpan<byte> body, int maxDepth, int maxStringBytes)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var path = new Stack<string>();
        var property = "";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName or JsonTokenType.String when reader.ValueSpan.Length > maxStringBytes:
                        return Problems.Invalid(FieldOf(path, property), $"A JSON string here is longer than {maxStringBytes} bytes.");
                    case JsonTokenType.PropertyName:
                        property = reader.GetString() ?? "";
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= maxDepth:
                        return Problems.Invalid(FieldOf(path, property), $"The JSON body nests objects and arrays deeper than {maxDepth} levels.");
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Push(property);
                        property = "";
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        property = path.Pop();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary><c>data.content</c>; <c>body</c> at the top.</summary>
    private static string FieldOf(Stack<string> path, string property)
    {
        var names = path.Reverse().Append(property).Where(n => n.Length > 0).ToList();
        return names.Count == 0 ? "body" : string.Join('.', names);
    }
}
