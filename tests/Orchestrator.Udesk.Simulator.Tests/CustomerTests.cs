using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Udesk.Customers;
using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.Simulator.Tests.Support;
using Orchestrator.Udesk.Status;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>Customers: creation and lookup, their status, and what they have not read while offline.</summary>
public sealed class CustomerTests
{
    private const string NotesCustomer = """
        {
          "customer": {
            "nick_name": "Alice",
            "email": "alice@example.com",
            "open_api_token": "tok-alice",
            "cellphones": [[null, "13612345678"]],
            "custom_fields": { "TextField_1": "gold" },
            "web_token": "web-alice"
          },
          "tags": "vip,wechat"
        }
        """;

    [Fact]
    public async Task A_customer_created_as_the_notes_show_is_the_one_a_session_uses()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var created = await sim.SendAsync(HttpMethod.Post, "customers", NotesCustomer);
        var duplicate = await sim.SendAsync(HttpMethod.Post, "customers", NotesCustomer);
        var session = await sim.AgentSessionAsync("tok-alice");
        var byPhone = await sim.Client.GetCustomerAsync(CustomerLookup.ByCellphone("13612345678"));
        var byWebToken = await sim.Client.GetCustomerStatusAsync(CustomerStatusQuery.ByWebToken("web-alice"));

        Assert.Equal(1000, created.Code);
        var customer = created.Json!["customer"]!;
        Assert.Equal(("Alice", "tok-alice", "vip,wechat"), (customer["nick_name"]!.ToString(), customer["open_api_token"]!.ToString(), customer["tags"]!.ToString()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[[null, "13612345678"]]"""), customer["cellphones"]));
        Assert.NotEqual(1000, duplicate.Code);
        var id = customer["id"]!.GetValue<long>();
        Assert.Equal(id, sim.Server.World.Session(session.ImSubSessionId)!.CustomerId);
        Assert.Equal(["Alice"], sim.Server.World.Customers.Select(c => c.NickName));
        Assert.Equal((id, "gold"), (byPhone.GetValueOrThrow().Customer!.Id, byPhone.Value!.Customer!.CustomFields!["TextField_1"].GetString()));
        Assert.Equal((1, "In session"), (byWebToken.Value!.StatusCode, byWebToken.Value.Status));
    }

    [Fact]
    public async Task The_typed_client_creates_finds_and_updates_customers()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var request = new CustomerRequest(new Customer
        {
            NickName = "Bob",
            Email = "bob@example.com",
            OpenApiToken = "tok-bob",
            Cellphones = [[null, "13700000000"]],
            CustomFields = new Dictionary<string, JsonElement> { ["SelectField_3999"] = JsonSerializer.SerializeToElement(new[] { "0" }) },
        }) { Tags = "new" };

        var created = (await sim.Client.CreateCustomerAsync(request)).GetValueOrThrow().Customer!;
        var updated = await sim.Client.UpdateCustomerAsync(CustomerLookup.ByToken("tok-bob"), new CustomerRequest(new Customer { NickName = "Robert" }));
        var byEmail = (await sim.Client.GetCustomerAsync(CustomerLookup.ByEmail("bob@example.com"))).GetValueOrThrow().Customer!;
        var missing = await sim.Client.GetCustomerAsync(CustomerLookup.ByEmail("nobody@example.com"));
        var tokenChange = await sim.Client.UpdateCustomerAsync(CustomerLookup.ById(created.Id!.Value), new CustomerRequest(new Customer { OpenApiToken = "other" }));

        Assert.Equal(("Bob", "tok-bob"), (created.NickName, created.OpenApiToken));
        Assert.True(updated.IsSuccess, updated.ToString());
        Assert.Equal((created.Id, "Robert", "new"), (byEmail.Id, byEmail.NickName, byEmail.Extra!["tags"].GetString()));
        Assert.Equal(2062, missing.Error?.Code);
        Assert.Equal(2062, tokenChange.Error?.Code);
    }

    [Fact]
    public async Task An_unknown_customer_token_becomes_an_anonymous_api_user()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var before = await sim.Client.GetCustomerStatusAsync(CustomerStatusQuery.ByCustomerToken("stranger"));
        await sim.Client.CreateSessionAsync(new Sessions.CreateSessionRequest("stranger"));
        var after = await sim.Client.GetCustomerStatusAsync(CustomerStatusQuery.ByCustomerToken("stranger"));
        var found = await sim.Client.GetCustomerAsync(CustomerLookup.ByToken("stranger"));

        Assert.Equal(3, before.Value!.StatusCode);
        Assert.Equal((0, "No session"), (after.Value!.StatusCode, after.Value.Status));
        Assert.Equal("API Anonymous User(stranger)", found.GetValueOrThrow().Customer!.NickName);
    }

    [Fact]
    public async Task Agent_messages_sent_while_the_customer_is_offline_are_unread_until_marked_read()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("c");
        var customerId = sim.Server.World.Session(session.ImSubSessionId)!.CustomerId;

        var offline = await sim.Client.SetCustomerOnlineStateAsync("c", online: false);
        var first = sim.Server.World.AgentReply(session.ImSubSessionId, "message", new JsonObject { ["content"] = "are you there?" });
        var second = sim.Server.World.AgentReply(session.ImSubSessionId, "image", new JsonObject { ["content"] = "https://x/1.png" });
        var unread = (await sim.Client.GetUnreadOfflineMessagesAsync(session.ImSubSessionId, customerId)).GetValueOrThrow();
        var read = await sim.Client.MarkAgentMessagesReadAsync(session.ImSubSessionId, [first]);
        var literalRead = await sim.SendAsync(HttpMethod.Post, $"im/messages/read_messages?session_id={session.ImSubSessionId}&message_ids=['{second}','123456']");
        await sim.Client.SetCustomerOnlineStateAsync("c", online: true);
        sim.Server.World.AgentReply(session.ImSubSessionId, "message", new JsonObject { ["content"] = "welcome back" });
        var afterwards = (await sim.Client.GetUnreadOfflineMessagesAsync(session.ImSubSessionId, customerId)).GetValueOrThrow();
        var wrongCustomer = await sim.Client.GetUnreadOfflineMessagesAsync(session.ImSubSessionId, customerId + 1);

        Assert.True(offline.IsSuccess, offline.ToString());
        Assert.Equal(2, unread.Count);
        Assert.Equal([first, second], unread.UnreadMessages!.Select(m => m.MessageId));
        Assert.Equal(["message", "image"], unread.UnreadMessages!.Select(m => m.Type));
        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal(1000, literalRead.Code);
        Assert.Equal(0, afterwards.Count);
        Assert.Equal(2062, wrongCustomer.Error?.Code);
        Assert.Equal(2062, (await sim.Client.SetCustomerOnlineStateAsync("nobody", online: false)).Error?.Code);
    }

    [Fact]
    public async Task The_spec_send_message_example_reaches_the_session_once()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var session = await sim.AgentSessionAsync("1234123123");
        await sim.SendAsync(HttpMethod.Put, $"im/sessions/{session.ImSubSessionId}/message_preview", Fixture.Text("request-preview.json"));
        var body = Fixture.Json("request-send-message.json").AsObject();
        body["im_sub_session_id"] = session.ImSubSessionId;

        var literal = await sim.SendAsync(HttpMethod.Post, "im/messages", Fixture.Text("request-send-message.json"));
        var sent = await sim.SendAsync(HttpMethod.Post, "im/messages", body.ToJsonString());
        var repeated = await sim.SendAsync(HttpMethod.Post, "im/messages", body.ToJsonString());
        var badId = await sim.SendAsync(HttpMethod.Post, "im/messages", body.ToJsonString().Replace("\"message_id\":\"1\"", "\"message_id\":\"a b\""));
        var unsendable = await sim.SendAsync(HttpMethod.Post, "im/messages", body.ToJsonString().Replace("\"type\":\"image\"", "\"type\":\"struct\"").Replace("\"message_id\":\"1\"", "\"message_id\":\"2\""));

        Assert.Equal((1000, 1000), (sent.Code, repeated.Code));
        Assert.Equal(["1"], sim.Server.World.Session(session.ImSubSessionId)!.CustomerMessageIds);
        Assert.Equal("", sim.Server.World.Session(session.ImSubSessionId)!.Preview);
        // The example's session 11 does not exist; its refused message id stays free for the real session.
        Assert.Equal(9200, literal.Code);
        Assert.Equal(2062, badId.Code);
        Assert.Equal(2062, unsendable.Code);
    }

    [Fact]
    public async Task Workbench_messages_count_as_leave_messages_of_the_agent_they_name()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var sent = await sim.Client.SendMessageAsync(new SendMessageRequest("c", new MessageTarget.Workbench(AgentId: 398), "w-1", new MessageContent { Content = "call me back" }));
        var unread = (await sim.Client.GetAgentUnreadMessagesAsync([397, 398])).GetValueOrThrow().Results!;
        var literal = await sim.SendAsync(HttpMethod.Get, "im/messages/agent_unread_messages?agent_ids[]=13");
        var tooMany = await sim.SendAsync(HttpMethod.Get, "im/messages/agent_unread_messages?agent_ids=" + string.Join(',', Enumerable.Range(1, 31)));

        Assert.True(sent.IsSuccess, sent.ToString());
        Assert.Equal([(397L, 0), (398L, 1)], unread.Select(r => (r.AgentId, r.UnsolvedLeaveMessageNum!.Value)));
        Assert.Equal(1000, literal.Code);
        Assert.Empty(literal.Json!["results"]!.AsArray());
        Assert.Equal(2062, tooMany.Code);
    }

    [Fact]
    public async Task The_sensitive_words_are_the_configured_ones()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.World.SensitiveWords = ["foo", "bar"]);

        var words = (await sim.Client.GetSensitiveWordsAsync()).GetValueOrThrow();

        Assert.Equal(("foo,bar", true), (words.CustomerWordsString, words.CustomerIsOpen));
        Assert.Equal(["foo", "bar"], words.Words);
    }
}
