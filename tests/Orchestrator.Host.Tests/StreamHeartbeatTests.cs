using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>A quiet Server-Sent Events stream carries id-less heartbeats, and real events still flow between them.</summary>
public sealed class StreamHeartbeatTests(StreamHeartbeatTests.QuickHeartbeats host) : IClassFixture<StreamHeartbeatTests.QuickHeartbeats>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_quiet_stream_gets_heartbeats_and_the_next_event_after_them(bool tenantStream)
    {
        var customer = new PlatformApi(host.Http, $"heartbeat-customer-{tenantStream}");
        var path = tenantStream ? "v1/events/stream" : $"v1/conversations/{customer.CustomerToken}/stream";
        await PlatformApi.Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "robot" }));
        var quiet = await customer.StateWhere(s => s["pending_udesk_calls"]!.GetValue<int>() == 0, "the robot session answered");
        var seqBefore = quiet!["last_seq"]!.GetValue<long>();
        Task<HttpResponseMessage>? sent = null;
        bool IsNew(ReceivedEvent e) =>
            e.Type != "heartbeat" && e.Data["customer_token"]!.GetValue<string>() == customer.CustomerToken && e.Data["seq"]!.GetValue<long>() > seqBefore;

        var received = (await SseReader.ReadUntil(host.Http, path, events =>
        {
            // Once the stream has gone quiet, the customer writes and the robot answers.
            if (sent is null && events.Any(e => e.Type == "heartbeat"))
            {
                sent = customer.SendMessage($"after-heartbeat-{tenantStream}", "typed while the stream was quiet");
            }

            return events.Any(IsNew);
        }, heartbeats: true)).ToList();
        (await sent!).EnsureSuccessStatusCode();

        Assert.True(received.FindIndex(e => e.Type == "heartbeat") < received.FindIndex(IsNew), "the new event came after a heartbeat");
        Assert.All(received.Where(e => e.Type == "heartbeat"), beat => Assert.Equal("", beat.Id));
        Assert.NotEqual("", received.Single(IsNew).Id);
    }

    public sealed class QuickHeartbeats : HostedUdesk
    {
        protected override IDictionary<string, string?> Settings(UdeskSimulatorServer udesk) => new Dictionary<string, string?>
        {
            ["Orchestrator:Udesk:Limits:CallsPerMinute"] = "10000",
            ["Orchestrator:StreamHeartbeatInterval"] = "00:00:00.200",
        };
    }
}
