using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>Orchestrator's <c>/v1</c> API for one customer, as a platform backend calls it.</summary>
public sealed class PlatformApi(HttpClient http, string customerToken)
{
    public string CustomerToken { get; } = customerToken;

    public Task<HttpResponseMessage> RequestSession(JsonObject body) =>
        http.PostAsJsonAsync($"v1/conversations/{CustomerToken}/session", body);

    /// <summary>
    /// Asks for a session with <paramref name="agentId"/> and answers its <c>im_sub_session_id</c> once Udesk's answer
    /// and its push are both recorded (so later sequence numbers move only for what the test does next).
    /// </summary>
    public async Task<long> AgentSession(long agentId)
    {
        await Accepted(RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = agentId }));
        var state = await StateWhere(
            s => s["state"]?.GetValue<string>() == "agent" && s["pending_udesk_calls"]!.GetValue<int>() == 0, "agent session, session answer recorded");
        return state!["im_sub_session_id"]!.GetValue<long>();
    }

    public Task<HttpResponseMessage> SendMessage(string messageId, string content) =>
        http.PostAsJsonAsync($"v1/conversations/{CustomerToken}/messages", new JsonObject
        {
            ["message_id"] = messageId,
            ["type"] = "message",
            ["data"] = new JsonObject { ["content"] = content },
        });

    public Task<HttpResponseMessage> Close() => http.DeleteAsync($"v1/conversations/{CustomerToken}/session");

    /// <summary>The conversation view, or null while it has no events.</summary>
    public async Task<JsonObject?> State()
    {
        using var response = await http.GetAsync($"v1/conversations/{CustomerToken}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public Task<JsonObject?> StateWhere(Func<JsonObject, bool> holds, string what) =>
        Eventually.Until(State, s => s is not null && holds(s), $"{CustomerToken}: {what}");

    /// <summary>A page of the event feed.</summary>
    public async Task<JsonObject> Events(long after = 0, int limit = 100, int wait = 0, bool includeInternal = false)
    {
        var query = $"v1/conversations/{CustomerToken}/events?after={after}&limit={limit}&wait={wait}" + (includeInternal ? "&include=internal" : "");
        using var response = await http.GetAsync(query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{query} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonObject> Accepted(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
