using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>The platform reads what Udesk pushed from the event feed: in order, each event once, pages and long-poll.</summary>
public sealed class EventFeedTests(Journey journey) : IClassFixture<Journey>
{
    private static IReadOnlyList<JsonObject> EventsOf(JsonObject page) => page["events"]!.AsArray().Select(e => e!.AsObject()).ToList();

    [Fact]
    public async Task The_feed_tells_the_conversation_in_order_with_Udesks_payloads_and_stable_event_ids()
    {
        var (customer, first) = await journey.AgentConversation("feed-customer", 397);
        var replies = new List<string>();
        foreach (var i in Enumerable.Range(1, 3))
        {
            replies.Add((await journey.Simulator.AgentReply(first, $"reply {i}"))["message_id"]!.GetValue<string>());
        }

        await journey.Simulator.Transfer(first, 398);
        var second = (await customer.StateWhere(s => s["im_sub_session_id"]!.GetValue<long>() != first, "the transfer"))!["im_sub_session_id"]!.GetValue<long>();
        await journey.Simulator.Close(second, "normal");
        var closed = await customer.StateWhere(s => Str(s, "state") == "closed", "the close");

        var everything = EventsOf(await customer.Events(includeInternal: true));
        var visible = EventsOf(await customer.Events());

        Assert.Equal(Enumerable.Range(1, (int)closed!["last_seq"]!.GetValue<long>()).Select(i => (long)i), everything.Select(e => e["seq"]!.GetValue<long>()));
        Assert.Equal(everything.Count, everything.Select(e => Str(e, "event_id")).Distinct().Count());
        Assert.All(everything, e => Assert.Equal($"default/feed-customer/{e["seq"]}", Str(e, "event_id")));
        Assert.DoesNotContain(visible, e => e["internal"]!.GetValue<bool>());

        // The agent's welcome comes first as a message of its own; the replies follow in the order they were sent.
        var messages = visible.Where(e => Str(e, "type") == "message" && replies.Contains(Str(e, "message_id")!)).ToList();
        Assert.Equal(replies, messages.Select(e => Str(e, "message_id")));
        Assert.Equal("reply 1", messages[0]["udesk"]!["data"]!["content"]!.GetValue<string>());
        var story = visible.Select(e => Str(e, "type")).Where(t => t is "session_started" or "transferred" or "closed").ToList();
        Assert.Equal(["session_started", "transferred", "closed"], story);
        var transfer = visible.Single(e => Str(e, "type") == "transferred");
        Assert.Equal(second, transfer["im_sub_session_id"]!.GetValue<long>());
        Assert.Equal(first, transfer["data"]!["from_im_sub_session_id"]!.GetValue<long>());
        Assert.Equal("normal", visible.Single(e => Str(e, "type") == "closed")["data"]!["close_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paging_with_next_after_reads_every_event_once()
    {
        var (customer, session) = await journey.AgentConversation("paged-customer", 397);
        var last = "";
        foreach (var i in Enumerable.Range(1, 5))
        {
            last = (await journey.Simulator.AgentReply(session, $"page reply {i}"))["message_id"]!.GetValue<string>();
        }

        await Eventually.Until(async () => EventsOf(await customer.Events()), events => events.Any(e => Str(e, "message_id") == last), "the last reply in the feed");
        var whole = EventsOf(await customer.Events(includeInternal: true)).Select(e => Str(e, "event_id")).ToList();

        var paged = new List<string?>();
        long after = 0;
        while (true)
        {
            var page = await customer.Events(after, limit: 2, includeInternal: true);
            var events = EventsOf(page);
            if (events.Count == 0)
            {
                break;
            }

            Assert.True(events.Count <= 2);
            paged.AddRange(events.Select(e => Str(e, "event_id")));
            after = page["next_after"]!.GetValue<long>();
        }

        Assert.Equal(whole, paged);
    }

    [Fact]
    public async Task A_waiting_read_answers_with_the_reply_that_arrives_while_it_waits()
    {
        var (customer, session) = await journey.AgentConversation("long-poll-customer", 397);
        var seen = (await customer.Events(includeInternal: true))["next_after"]!.GetValue<long>();

        var waiting = customer.Events(after: seen, wait: 30);
        var reply = (await journey.Simulator.AgentReply(session, "worth the wait"))["message_id"]!.GetValue<string>();
        var page = await waiting;

        var message = Assert.Single(EventsOf(page), e => Str(e, "type") == "message");
        Assert.Equal(reply, Str(message, "message_id"));
        Assert.True(message["seq"]!.GetValue<long>() > seen);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("after=-1", "after")]
    [InlineData("wait=600", "wait")]
    [InlineData("include=everything", "include")]
    public async Task Bad_feed_queries_are_problems_naming_the_parameter(string query, string field)
    {
        using var response = await journey.Orchestrator.Http.GetAsync($"v1/conversations/feed-customer/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]?[field]);
    }
}
