using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>The Receiving Message URL as Udesk and as a stranger see it: pushes land once, bad ones change nothing.</summary>
public sealed class UdeskWebhookTests(Journey journey) : IClassFixture<Journey>
{
    private static readonly HttpClient Anonymous = new();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string AgentPush(string token, long session, string messageId) => new JsonObject
    {
        ["customer_token"] = token,
        ["assign_type"] = "agent",
        ["messages"] = new JsonArray(new JsonObject
        {
            ["type"] = "message",
            ["message_id"] = messageId,
            ["im_sub_session_id"] = session,
            ["agent_id"] = 398,
            ["data"] = new JsonObject { ["content"] = "pushed by hand" },
            ["created_at"] = "2026-11-25 12:00:00",
        }),
    }.ToJsonString();

    [Fact]
    public async Task Pushes_delivered_twice_are_recorded_once()
    {
        var (customer, session) = await journey.AgentConversation("duplicated-pushes", 398);
        var before = (await customer.State())!["last_seq"]!.GetValue<long>();
        await journey.Simulator.SetFaults(new JsonObject { ["duplicate_rate"] = 1.0 });
        try
        {
            var replies = new List<string>();
            for (var i = 1; i <= 3; i++)
            {
                replies.Add((await journey.Simulator.AgentReply(session, $"reply {i}"))["message_id"]!.GetValue<string>());
            }

            await Eventually.Until(
                journey.Simulator.Pushes,
                pushes => replies.All(id => pushes.Any(p => p!["outcome"]!.GetValue<string>() == "duplicate_delivered" && p["message_ids"]!.AsArray().Any(m => m!.GetValue<string>() == id))),
                "every reply delivered twice");
        }
        finally
        {
            await journey.Simulator.SetFaults(new JsonObject { ["duplicate_rate"] = 0.0 });
        }

        Assert.Equal(before + 3, (await customer.State())!["last_seq"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_push_acknowledged_by_hand_twice_is_one_event()
    {
        var (customer, session) = await journey.AgentConversation("hand-pushed", 398);
        var before = (await customer.State())!["last_seq"]!.GetValue<long>();
        var push = AgentPush(customer.CustomerToken, session, "hand-1");

        using var first = await Anonymous.PostAsync(journey.Orchestrator.PushUrl, Json(push));
        using var again = await Anonymous.PostAsync(journey.Orchestrator.PushUrl, Json(push));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty(await first.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, (await customer.State())!["last_seq"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_wrong_secret_is_not_found_and_changes_nothing()
    {
        var (customer, session) = await journey.AgentConversation("wrong-secret", 398);
        var before = (await customer.State())!["last_seq"]!.GetValue<long>();

        using var response = await Anonymous.PostAsync(
            new Uri(journey.Orchestrator.Address, $"udesk/{OrchestratorInstance.Tenant}/push/not-the-secret"), Json(AgentPush(customer.CustomerToken, session, "stranger-1")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, (await customer.State())!["last_seq"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("{\"customer_token\":\"malformed\",\"assign_type\":\"agent\",\"messages\":[{\"type\":\"message\"")]
    [InlineData("{\"customer_token\":\"malformed\",\"assign_type\":\"agent\",\"messages\":42}")]
    [InlineData("{\"customer_token\":\"malformed\",\"assign_type\":\"astrologer\",\"messages\":[]}")]
    [InlineData("{\"customer_token\":\"malformed\",\"assign_type\":\"agent\",\"messages\":[{\"type\":\"message\",\"im_sub_session_id\":[1]}]}")]
    [InlineData("not json at all")]
    public async Task A_malformed_push_is_a_bad_request_and_persists_nothing(string body)
    {
        using var response = await Anonymous.PostAsync(journey.Orchestrator.PushUrl, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await journey.Customer("malformed").State());
    }

    [Fact]
    public async Task An_oversized_push_is_refused_before_it_is_read()
    {
        var (customer, session) = await journey.AgentConversation("oversized", 398);
        var before = (await customer.State())!["last_seq"]!.GetValue<long>();
        var huge = AgentPush(customer.CustomerToken, session, "huge-1").Replace("pushed by hand", new string('x', 2 * 1024 * 1024), StringComparison.Ordinal);

        using var response = await Anonymous.PostAsync(journey.Orchestrator.PushUrl, Json(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, (await customer.State())!["last_seq"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_push_sent_chunked_without_a_length_is_read_whole_and_recorded()
    {
        var (customer, session) = await journey.AgentConversation("chunked", 398);
        var before = (await customer.State())!["last_seq"]!.GetValue<long>();
        // Longer than the first buffer a body without Content-Length is read into, so the reader has to grow it.
        var push = AgentPush(customer.CustomerToken, session, "chunked-1").Replace("pushed by hand", new string('y', 20_000), StringComparison.Ordinal);

        using var response = await Anonymous.SendAsync(Chunked(push));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, (await customer.State())!["last_seq"]!.GetValue<long>());
        var received = (await customer.Events())["events"]!.AsArray().Single(e => Str(e!.AsObject(), "message_id") == "chunked-1")!;
        Assert.Equal(20_000, received["udesk"]!["data"]!["content"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task An_oversized_push_sent_chunked_is_refused_and_changes_nothing()
    {
        var (customer, session) = await journey.AgentConversation("oversized-chunked", 398);
        var before = (await customer.State())!["last_seq"]!.GetValue<long>();
        var huge = AgentPush(customer.CustomerToken, session, "huge-chunked-1").Replace("pushed by hand", new string('x', 2 * 1024 * 1024), StringComparison.Ordinal);

        using var response = await Anonymous.SendAsync(Chunked(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, (await customer.State())!["last_seq"]!.GetValue<long>());
    }

    private HttpRequestMessage Chunked(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, journey.Orchestrator.PushUrl) { Content = Json(body) };
        request.Headers.TransferEncodingChunked = true;
        return request;
    }

    [Fact]
    public async Task The_agent_reading_customer_messages_reaches_the_conversation()
    {
        var (customer, session) = await journey.AgentConversation("read-by-agent", 398);
        await Accepted(customer.SendMessage("to-be-read", "please read me"));
        await Eventually.Until(() => journey.Simulator.Session(session), s => Ids(s, "customer_message_ids").Contains("to-be-read"), "the message at Udesk");

        var read = await journey.Simulator.AgentReads(session);

        Assert.Contains("to-be-read", read["message_ids"]!.AsArray().Select(m => m!.GetValue<string>()));
        var feed = await Eventually.Until(
            async () => (await customer.Events())["events"]!.AsArray(),
            events => events.Any(e => e!["type"]!.GetValue<string>() == "read"),
            "the read receipt in the conversation's feed");
        var receipt = feed.Single(e => e!["type"]!.GetValue<string>() == "read")!;
        Assert.Equal(session, receipt["im_sub_session_id"]!.GetValue<long>());
        Assert.Contains("to-be-read", receipt["data"]!["message_ids"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task A_read_receipt_for_a_session_nobody_owns_is_acknowledged_so_Udesk_stops_retrying()
    {
        var body = new JsonObject { ["session_id"] = 987654321, ["message_ids"] = new JsonArray("x-1") }.ToJsonString();

        using var response = await Anonymous.PostAsync(journey.Orchestrator.PushUrl, Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
