using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>
/// A stopping service ends its open streams and long-polls at once (an SSE response completes, a long-poll answers
/// "nothing yet"), so Kestrel's drain does not wait a minute for them before the node can leave the cluster.
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_completes_open_streams_and_answers_waiting_long_polls()
    {
        await using var udesk = await UdeskSimulatorServer.StartAsync(new SimulatorOptions());
        var logs = new CollectedLogs();
        var service = await OrchestratorInstance.StartAsync(
            udesk,
            settings: new Dictionary<string, string?> { ["Orchestrator:StreamHeartbeatInterval"] = "00:00:00.200" },
            configure: builder => logs.CaptureFrom(builder.Logging));
        using var bound = new CancellationTokenSource(Eventually.DefaultWithin);
        // Its own client: stopping the instance disposes the instance's.
        using var http = new HttpClient { BaseAddress = service.Address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OrchestratorInstance.ApiKey);

        // A stream that is open (its first heartbeat arrived) and a long-poll that the service has received.
        using var stream = await http.GetAsync("v1/events/stream", HttpCompletionOption.ResponseHeadersRead, bound.Token);
        var events = SseParser.Create(await stream.Content.ReadAsStreamAsync(bound.Token)).EnumerateAsync(bound.Token).GetAsyncEnumerator(bound.Token);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("heartbeat", events.Current.EventType);
        const string longPoll = "v1/conversations/shutdown-long-poll/events?wait=60";
        var polled = http.GetAsync(longPoll, bound.Token);
        await Eventually.True(() => logs.Lines.Any(line => line.Contains($"GET {service.Address}{longPoll}", StringComparison.Ordinal)), "the long-poll reached the service");

        await service.DisposeAsync();

        using var poll = await polled;
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        var page = JsonNode.Parse(await poll.Content.ReadAsStringAsync(bound.Token))!;
        Assert.Empty(page["events"]!.AsArray());
        Assert.Equal(0, page["next_after"]!.GetValue<long>());
        // The stream ends as a stream ends (no error), perhaps after heartbeats already on their way.
        while (await events.MoveNextAsync())
        {
            Assert.Equal("heartbeat", events.Current.EventType);
        }
    }
}
