using System.Net;
using System.Net.Http.Json;
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

    private static string AgentPush(string token, long session, string messageId) => AgentPushes.Body(token, messageId, session, "pushed by hand");

    [Fact]
    public async Task Pushes_delivered_twice_are_recorded_once()
    {
        var (customer, session) = await journey.AgentConversation("duplicated-pushes", 398);
        var before = (await customer.State())!["last_seq"]!.GetValue<long>();
        var replies = new List<string>();
        await journey.Simulator.SetFaults(new JsonObject { ["duplicate_rate"] = 1.0 });
        try
        {
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

        // Each reply once for the customer; each second delivery only as an internal dropped duplicate, for audits.
        Assert.Equal(before + 6, (await customer.State())!["last_seq"]!.GetValue<long>());
        var shown = (await customer.Events(after: before))["events"]!.AsArray();
        Assert.Equal(replies, shown.Select(e => e!["message_id"]!.GetValue<string>()));
        Assert.All(shown, e => Assert.Equal("message", e!["type"]!.GetValue<string>()));
        var duplicates = (await customer.Events(after: before, includeInternal: true))["events"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "duplicate_dropped");
        Assert.Equal(replies, duplicates.Select(e => e!["message_id"]!.GetValue<string>()));
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
        Assert.Equal(before + 2, (await customer.State())!["last_seq"]!.GetValue<long>());
        Assert.Equal(["hand-1"], (await customer.Events(after: before))["events"]!.AsArray().Select(e => e!["message_id"]!.GetValue<string>()));
        Assert.Equal(
            ["message", "duplicate_dropped"],
            (await customer.Events(after: before, includeInternal: true))["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
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
    [InlineData("{\"customer_token\":\"cut-short\",\"assign_type\":\"agent\",\"messages\":[{\"type\":\"message\"")]
    [InlineData("not json at all")]
    [InlineData("{\"sessionId\":1835244,\"logId\":3574331,\"ansContent\":\"a bare urobot answer, no customer named\"}")]
    [InlineData("{\"customer_token\":\"\\ud800\",\"assign_type\":\"agent\",\"messages\":[]}")]
    public async Task A_push_that_names_no_conversation_is_kept_in_quarantine_byte_for_byte_and_answered_200(string body)
    {
        // Udesk resends anything but 200: a 400 would loop forever and count toward pausing all the company's pushes.
        var bytes = Encoding.UTF8.GetBytes(body);
        using var first = await Anonymous.PostAsync(journey.Orchestrator.PushUrl, new ByteArrayContent(bytes));
        using var again = await Anonymous.PostAsync(journey.Orchestrator.PushUrl, new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var kept = (await Quarantined()).Where(p => p["body_base64"]!.GetValue<string>() == Convert.ToBase64String(bytes)).ToList();
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(kept)["reason"]!.GetValue<string>()));
        Assert.Null(await journey.Customer("cut-short").State());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_body_is_kept_in_quarantine_not_answered_5xx()
    {
        byte[] bytes = [.. "{\"customer_token\":\"bad-"u8.ToArray(), 0xff, 0xfe, .. "\",\"messages\":[]}"u8.ToArray()];

        using var response = await Anonymous.PostAsync(journey.Orchestrator.PushUrl, new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await Quarantined(), p => p["body_base64"]!.GetValue<string>() == Convert.ToBase64String(bytes) && p["body_text"] is null);
    }

    [Fact]
    public async Task One_unreadable_message_never_costs_the_valid_replies_beside_it()
    {
        var (customer, session) = await journey.AgentConversation("one-odd-message", 398);
        var token = customer.CustomerToken;
        var body =
            "{\"customer_token\":\"" + token + "\",\"assign_type\":\"Agent\",\"messages\":[" +
            "{\"type\":\"message\",\"message_id\":\"odd-ok-1\",\"im_sub_session_id\":" + session + ",\"data\":{\"content\":{\"html\":\"<b>rich</b>\"}}}," +
            "{\"type\":\"message\",\"message_id\":\"odd-bad\",\"im_sub_session_id\":[1],\"data\":{\"content\":\"x\"}}," +
            "{\"type\":\"audio\",\"message_id\":\"odd-ok-2\",\"im_sub_session_id\":\"" + session + "\",\"data\":{\"content\":\"https://a/1.amr\",\"duration\":3.5}}," +
            "{\"type\":\"message\",\"message_id\":\"odd-ok-3\",\"im_sub_session_id\":" + session + ",\"data\":\"a bare string\",\"extra\":{\"x\":\"\\ud800\"}}" +
            "]}";

        using var response = await Anonymous.PostAsync(journey.Orchestrator.PushUrl, Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = (await customer.Events(includeInternal: true))["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(["odd-ok-1", "odd-ok-2"], feed.Where(e => e["type"]!.GetValue<string>() == "message" && e["message_id"]!.GetValue<string>().StartsWith("odd-ok", StringComparison.Ordinal)).Select(e => e["message_id"]!.GetValue<string>()));
        var unreadable = feed.Where(e => e["type"]!.GetValue<string>() == "unreadable_message").ToList();
        Assert.Equal(["odd-bad", "odd-ok-3"], unreadable.Select(e => e["message_id"]!.GetValue<string>()));
        Assert.All(unreadable, e => Assert.True(e["internal"]!.GetValue<bool>()));
        Assert.Contains("extra", unreadable[1]["data"]!["reason"]!.GetValue<string>());
    }

    private async Task<IReadOnlyList<JsonObject>> Quarantined()
    {
        var page = await journey.Orchestrator.Http.GetFromJsonAsync<JsonObject>("v1/udesk/pushes/quarantined?limit=500");
        return page!["pushes"]!.AsArray().Select(p => p!.AsObject()).ToList();
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
