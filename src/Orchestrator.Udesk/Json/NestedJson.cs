using System.Text.Json;

namespace Orchestrator.Udesk.Json;

/// <summary>
/// Deserializing from inside a converter. The serializer starts a nested call's path again at <c>$</c>, so a failure
/// there would name <c>$.duration</c> where <c>$.data.duration</c> is meant: it is rethrown without a path, the nested
/// failure inside, so the outer call adds its own path and <see cref="Describe"/> joins the two.
/// </summary>
internal static class NestedJson
{
    public static T? Deserialize<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(ref reader, options);
        }
        catch (JsonException e)
        {
            throw new JsonException(WithoutPosition(e.Message), e);
        }
    }

    /// <summary>"data.duration: '3.x' is not a number.": the failing field, relative to the value read, then what is wrong.</summary>
    public static string Describe(JsonException failure)
    {
        var path = "";
        var innermost = failure;
        for (JsonException? e = failure; e is not null; e = e.InnerException as JsonException)
        {
            path += e.Path?.TrimStart('$') ?? "";
            innermost = e;
        }

        var message = WithoutPosition(innermost.Message);
        return path.Length == 0 ? message : $"{path.TrimStart('.')}: {message}";
    }

    // The serializer appends " Path: $.x | LineNumber: ..." to its own messages; the path is given in front instead.
    private static string WithoutPosition(string message) => message.Split(" Path: ", 2)[0];
}
