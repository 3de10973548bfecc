using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Orchestrator.Udesk.Simulator.Wire;

/// <summary>
/// One Open API request, read liberally: a parameter is taken from the JSON body, then the query string (the
/// spec's examples use both), and numbers may arrive as strings.
/// </summary>
internal sealed class OpenApiRequest
{
    private OpenApiRequest(HttpContext http, string? bodyText, JsonObject? body, string? bodyProblem)
    {
        Http = http;
        BodyText = bodyText;
        Body = body;
        BodyProblem = bodyProblem;
    }

    public HttpContext Http { get; }

    public string? BodyText { get; }

    public JsonObject? Body { get; }

    /// <summary>Why the body could not be read as a JSON object, if it could not.</summary>
    public string? BodyProblem { get; }

    public static async Task<OpenApiRequest> ReadAsync(HttpContext http)
    {
        string text;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(http.RequestAborted);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new OpenApiRequest(http, null, null, null);
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: SimulatorJson.Reading) is JsonObject body
                ? new OpenApiRequest(http, text, body, null)
                : new OpenApiRequest(http, text, null, "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            return new OpenApiRequest(http, text, null, $"The body is not valid JSON: {e.Message}");
        }
    }

    public string? Query(string name)
    {
        var values = Http.Request.Query[name];
        return values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    public IReadOnlyList<string> QueryValues(string name) => Http.Request.Query[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

    public string? Route(string name) => Http.GetRouteValue(name)?.ToString();

    /// <summary>A text parameter; numbers and flags are taken as their text.</summary>
    public string? String(string name) => Text(Body?[name]) ?? Query(name);

    public long? Long(string name) => ParseLong(String(name));

    public bool? Bool(string name) => String(name)?.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    public JsonObject? Object(string name) => Body?[name] as JsonObject;

    public JsonNode? Node(string name) => Body?[name];

    public static long? ParseLong(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    };
}
