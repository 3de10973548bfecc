using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>Server-Sent Events: live, resumable with Last-Event-ID, and nothing missed across reconnects and restarts.</summary>
public sealed class EventStreamTests(Journey journey) : IClassFixture<Journey>
{
    private async Task<List<string>> Replies(long session, string prefix, int count)
    {
        var ids = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            ids.Add((await journey.Simulator.AgentReply(session, $"{prefix} {i}"))["message_id"]!.GetValue<string>());
        }

        return ids;
    }

    private static Func<IReadOnlyList<ReceivedEvent>, bool> Has(IEnumerable<string> messageIds) =>
        received => messageIds.All(id => received.Any(r => r.Data["message_id"]?.GetValue<string>() == id));

    private static IEnumerable<long> Seqs(IEnumerable<ReceivedEvent> events) => events.Select(e => e.Data["seq"]!.GetValue<long>());

    [Fact]
    public async Task A_client_that_reconnects_with_Last_Event_ID_continues_exactly_where_it_stopped()
    {
        var (customer, session) = await journey.AgentConversation("sse-customer", 399);
        var path = $"v1/conversations/{customer.CustomerToken}/stream?include=internal";
        var before = await Replies(session, "before", 2);
        var first = await SseReader.ReadUntil(journey.Orchestrator.Http, path, Has(before));
        var after = await Replies(session, "after", 2);
        var second = await SseReader.ReadUntil(journey.Orchestrator.Http, path, Has(after), lastEventId: first[^1].Id);

        Assert.Equal(first[^1].Data["seq"]!.GetValue<long>() + 1, second[0].Data["seq"]!.GetValue<long>());
        var all = first.Concat(second).ToList();
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), Seqs(all));
        Assert.All(all, e => Assert.Equal(e.Id, e.Data["event_id"]!.GetValue<string>()));
        Assert.All(all, e => Assert.Equal(e.Type, e.Data["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_tenant_stream_carries_every_conversation_and_resumes_from_its_offset()
    {
        var (alice, aliceSession) = await journey.AgentConversation("tenant-stream-alice", 399);
        var (bob, bobSession) = await journey.AgentConversation("tenant-stream-bob", 399);
        var first = (await Replies(aliceSession, "alice", 1)).Concat(await Replies(bobSession, "bob", 1)).ToList();

        var received = await SseReader.ReadUntil(journey.Orchestrator.Http, "v1/events/stream", Has(first));
        Assert.Contains(received, r => r.Data["customer_token"]!.GetValue<string>() == alice.CustomerToken);
        Assert.Contains(received, r => r.Data["customer_token"]!.GetValue<string>() == bob.CustomerToken);

        var later = (await Replies(bobSession, "bob later", 1)).Concat(await Replies(aliceSession, "alice later", 1)).ToList();
        var resumed = await SseReader.ReadUntil(journey.Orchestrator.Http, "v1/events/stream", Has(later), lastEventId: received[^1].Id);

        Assert.DoesNotContain(resumed, r => received.Any(seen => seen.Data["event_id"]!.GetValue<string>() == r.Data["event_id"]!.GetValue<string>()));
        Assert.True(long.Parse(resumed[0].Id, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(received[^1].Id, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var customer in new[] { alice, bob })
        {
            // Per conversation, the stream is in sequence order.
            var seqs = Seqs(received.Concat(resumed).Where(r => r.Data["customer_token"]!.GetValue<string>() == customer.CustomerToken)).ToList();
            Assert.Equal(seqs.Order(), seqs);
        }
    }

    [Fact]
    public async Task A_stream_resumed_after_a_service_restart_misses_nothing()
    {
        var (customer, session) = await journey.AgentConversation("sse-restart-customer", 399);
        var path = $"v1/conversations/{customer.CustomerToken}/stream?include=internal";
        var before = await Replies(session, "before restart", 2);
        var first = await SseReader.ReadUntil(journey.Orchestrator.Http, path, Has(before));

        await journey.Restart();
        var after = await Replies(session, "after restart", 2);
        var second = await SseReader.ReadUntil(journey.Orchestrator.Http, path, Has(after), lastEventId: first[^1].Id);

        var streamed = first.Concat(second).Select(e => e.Data["event_id"]!.GetValue<string>()).ToList();
        var feed = (await journey.Customer(customer.CustomerToken).Events(includeInternal: true))["events"]!.AsArray()
            .Select(e => e!["event_id"]!.GetValue<string>()).ToList();
        Assert.Equal(feed.Take(streamed.Count), streamed);
        Assert.Equal(streamed.Count, streamed.Distinct().Count());
    }
}
