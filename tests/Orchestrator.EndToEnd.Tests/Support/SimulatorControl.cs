using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>The simulator's <c>/_sim/</c> control API over HTTP, as a tester at a terminal would use it.</summary>
public sealed class SimulatorControl(UdeskSimulatorServer udesk) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = new Uri(udesk.BaseAddress, "_sim/") };

    public async Task<JsonArray> Agents() => (await Get("agents")).AsArray();

    public async Task<JsonArray> Sessions() => (await Get("sessions")).AsArray();

    public async Task<JsonObject> Session(long id) => (await Get($"sessions/{id}")).AsObject();

    /// <summary>The open agent session of <paramref name="customerToken"/>, or null.</summary>
    public async Task<JsonObject?> OpenSessionOf(string customerToken) =>
        (await Sessions()).Select(s => s!.AsObject())
            .LastOrDefault(s => s["customer_token"]?.GetValue<string>() == customerToken && s["open"]!.GetValue<bool>());

    public Task<JsonNode> AgentReply(long session, string content) => Post($"sessions/{session}/reply", new JsonObject { ["content"] = content });

    public Task<JsonNode> Transfer(long session, long agentId) => Post($"sessions/{session}/transfer", new JsonObject { ["agent_id"] = agentId });

    public Task<JsonNode> Close(long session, string closeType) => Post($"sessions/{session}/close", new JsonObject { ["close_type"] = closeType });

    public Task<JsonNode> AgentReads(long session) => Post($"sessions/{session}/read", new JsonObject());

    public Task<JsonNode> SetFaults(JsonObject faults) => Send(HttpMethod.Put, "faults", faults);

    /// <summary>Every agent takes up to <paramref name="capacity"/> sessions at once (room for every conversation of a test class).</summary>
    public async Task GiveAgentsRoom(int capacity = 100)
    {
        foreach (var agent in await Agents())
        {
            await SetAgent(agent!["id"]!.GetValue<long>(), new JsonObject { ["capacity"] = capacity });
        }
    }

    public Task<JsonNode> SetAgent(long agentId, JsonObject change) => Send(HttpMethod.Put, $"agents/{agentId}", change);

    public async Task<JsonArray> Calls() => (await Get("log/calls")).AsArray();

    public async Task<JsonArray> Pushes() => (await Get("log/pushes")).AsArray();

    public async Task<JsonObject> Violations() => (await Get("violations")).AsObject();

    /// <summary>Bodies of the <c>/im/messages</c> calls Udesk answered with success, in arrival order.</summary>
    public async Task<IReadOnlyList<JsonObject>> DeliveredMessages() => [.. (await DeliveredMessageCalls()).Select(c => c.Body)];

    /// <summary>The <c>/im/messages</c> calls Udesk answered with success, in arrival order, with when it answered.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset At, JsonObject Body)>> DeliveredMessageCalls() =>
        (await Calls()).Select(c => c!.AsObject())
            .Where(c => c["path"]!.GetValue<string>().EndsWith("/im/messages", StringComparison.Ordinal) && c["code"]?.GetValue<int>() == 1000)
            .Select(c => (DateTimeOffset.Parse(c["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), JsonNode.Parse(c["body"]!.GetValue<string>())!.AsObject()))
            .ToList();

    /// <summary><c>GET /_sim/push</c>: <c>pending_batches</c>, <c>held_batches</c>, <c>paused_until</c>.</summary>
    public async Task<JsonObject> PushState() => (await Get("push")).AsObject();

    /// <summary>A control call with an empty body (e.g. <c>sessions/{id}/close-silently</c>, <c>queue/{token}/drop</c>).</summary>
    public Task<JsonNode> Post(string path) => Post(path, new JsonObject());

    /// <summary>A control call that may find the world changed under it: its answer, or null when it answered 409 (impossible now).</summary>
    public async Task<JsonObject?> TryPost(string path, JsonObject body)
    {
        using var response = await http.PostAsync(path, JsonContent.Create(body));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return null;
        }

        Assert.True(response.IsSuccessStatusCode, $"/_sim/{path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonNode> Get(string path) =>
        await http.GetFromJsonAsync<JsonNode>(path) ?? throw new InvalidOperationException($"/_sim/{path} answered null");

    private Task<JsonNode> Post(string path, JsonObject body) => Send(HttpMethod.Post, path, body);

    private async Task<JsonNode> Send(HttpMethod method, string path, JsonObject body)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/_sim/{path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) ?? new JsonObject();
    }
}
