using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Tests.Support;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>An answer of the Open API, read by the real client (signing, resilience, business codes) over a fake Udesk.</summary>
public sealed record ResponseExample<T>(string File, Func<IUdeskClient, Task<UdeskResult<T>>> Call) : InboundExample(File, typeof(T).Name)
{
    public override async Task<UdeskError?> ReadAsync(string text) => (await AnswerAsync(text)).Error;

    public override async Task<JsonNode?> RoundTripAsync(string json)
    {
        var result = await AnswerAsync(json);
        Assert.True(result.IsSuccess, result.ToString());
        return JsonSerializer.SerializeToNode(result.Value, UdeskJson.Options);
    }

    private async Task<UdeskResult<T>> AnswerAsync(string text)
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson(text);
        return await Call(harness.Client);
    }
}
