using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Tests.Support;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>
/// A request body of the spec: read into the client's request model <typeparamref name="T"/> with the client's
/// serializer options, sent through the real client, and the body that reached the wire is what comes back.
/// </summary>
public sealed record RequestExample<T>(string File, string Model, Func<IUdeskClient, T, Task<UdeskError?>> Send) : SpecExample(File, Model)
{
    /// <summary>What the fake Udesk answers, so the call succeeds and its body can be compared.</summary>
    public string Answer { get; init; } = """{"code":1000}""";

    public override async Task<JsonNode?> RoundTripAsync(string json)
    {
        var model = JsonSerializer.Deserialize<T>(json, UdeskJson.Options);
        Assert.NotNull(model);
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson(Answer);

        var error = await Send(harness.Client, model);

        Assert.Null(error);
        return harness.Single.Json;
    }
}
