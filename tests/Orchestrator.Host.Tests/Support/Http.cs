using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Udesk.Simulator.Logging;

namespace Orchestrator.Host.Tests.Support;

/// <summary>Reading the service's answers and the simulator's call log in assertions.</summary>
public static class Http
{
    public static Task<HttpResponseMessage> PostJson(this HttpClient http, string path, JsonNode body) => http.PostAsJsonAsync(path, body);

    /// <summary>Asserts the status and answers the JSON body.</summary>
    public static async Task<JsonObject> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) is JsonObject json ? json : new JsonObject();
    }

    /// <summary>Asserts an RFC 7807 problem with this status (and, for 400, that it names <paramref name="field"/>).</summary>
    public static async Task<JsonObject> ExpectProblem(this Task<HttpResponseMessage> call, HttpStatusCode status, string? field = null)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        if (field is not null)
        {
            Assert.True(problem["errors"]?[field] is not null, $"expected the problem to name '{field}': {text}");
        }

        return problem;
    }

    public static string Str(this JsonNode? node, string name) => node?[name]?.ToString() ?? "";

    /// <summary>The JSON body Udesk received.</summary>
    public static JsonObject BodyJson(this CallRecord call) => JsonNode.Parse(call.Body ?? "{}")!.AsObject();

    /// <summary>A query parameter Udesk received, decoded.</summary>
    public static string? QueryValue(this CallRecord call, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(call.Query).TryGetValue(name, out var values) ? values.ToString() : null;
}
