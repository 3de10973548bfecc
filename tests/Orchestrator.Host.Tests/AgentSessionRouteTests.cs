using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Host.Tests.Support;

namespace Orchestrator.Host.Tests;

/// <summary>
/// Conversation routes that need the agent session: Udesk gets the conversation's <c>im_sub_session_id</c> (and the
/// agent, and the customer's Udesk id) from its state; without such a session they are 409, without events 404.
/// </summary>
public sealed class AgentSessionRouteTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    [Fact]
    public async Task The_survey_rates_the_conversations_agent_session()
    {
        var state = await host.WithAgent("survey-customer");
        var session = state["im_sub_session_id"]!.GetValue<long>();

        await host.Http.PostJson("v1/conversations/survey-customer/survey", new JsonObject
        {
            ["option_id"] = 36,
            ["remark"] = "quick and kind",
            ["resolved_state_v2"] = 0,
        }).Expect(HttpStatusCode.OK);

        var sent = Assert.Single(host.CallsTo("im/sessions/survey"), c => c.BodyJson()["im_sub_session_id"]!.GetValue<long>() == session).BodyJson();
        Assert.Equal(36, sent["option_id"]!.GetValue<long>());
        Assert.Equal(0, sent["resolved_state_v2"]!.GetValue<int>());
        Assert.Equal("quick and kind", sent.Str("remark"));
        Assert.Equal(36, host.Udesk.World.Sessions.Single(s => s.Id == session).SurveyOptionId);
    }

    [Theory]
    [InlineData("{}", "option_id")]
    [InlineData("{\"option_id\":36,\"resolved_state_v2\":2}", "resolved_state_v2")]
    public async Task A_bad_survey_is_a_400_naming_the_field(string body, string field)
    {
        await host.WithAgent("survey-bad-customer");

        await host.Http.PostAsync("v1/conversations/survey-bad-customer/survey", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))
            .ExpectProblem(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task After_the_close_the_survey_takes_only_an_option_the_close_offered()
    {
        const string token = "survey-after-close";
        var session = (await host.WithAgent(token))["im_sub_session_id"]!.GetValue<long>();
        await host.Simulator.Close(session, "normal");
        await new PlatformApi(host.Http, token).StateWhere(s => s.Str("state") == "closed" && s["survey_options"] is not null, "the close with its survey");

        await host.Http.PostJson($"v1/conversations/{token}/survey", new JsonObject { ["option_id"] = 99 }).ExpectProblem(HttpStatusCode.BadRequest, "option_id");
        await host.Http.PostJson($"v1/conversations/{token}/survey", new JsonObject { ["option_id"] = 37 }).Expect(HttpStatusCode.OK);

        Assert.Equal(37, host.Udesk.World.Sessions.Single(s => s.Id == session).SurveyOptionId);
    }

    [Fact]
    public async Task The_survey_of_a_conversation_without_events_is_404_and_without_an_agent_session_409()
    {
        var body = new JsonObject { ["option_id"] = 36 };

        await host.Http.PostJson("v1/conversations/nobody-yet/survey", body).ExpectProblem(HttpStatusCode.NotFound);
        await host.WithRobot("robot-only-customer");
        var since = host.Udesk.Log.Calls[^1].Sequence;
        await host.Http.PostJson("v1/conversations/robot-only-customer/survey", body).ExpectProblem(HttpStatusCode.Conflict);
        await host.Http.PostJson("v1/conversations/robot-only-customer/read", new JsonObject { ["message_ids"] = new JsonArray("m1") })
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.DoesNotContain(host.Udesk.Log.Calls, c => c.Sequence > since && (c.Path.EndsWith("/im/sessions/survey", StringComparison.Ordinal) || c.Path.EndsWith("/read_messages", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Offline_unread_messages_are_fetched_for_the_session_and_marked_read()
    {
        const string token = "offline-customer";
        var session = (await host.WithAgent(token))["im_sub_session_id"]!.GetValue<long>();

        await host.Http.PostJson($"v1/conversations/{token}/online-state", new JsonObject { ["online"] = false }).Expect(HttpStatusCode.OK);
        var online = Assert.Single(host.CallsTo("im/customer_online_state"), c => c.BodyJson().Str("customer_token") == token).BodyJson();
        Assert.Equal(0, online["state"]!.GetValue<int>());
        var agentMessage = host.Udesk.World.AgentReply(session, "message", new JsonObject { ["content"] = "are you there?" });

        var unread = await host.Http.GetAsync($"v1/conversations/{token}/unread-offline").Expect(HttpStatusCode.OK);

        Assert.Equal(1, unread["count"]!.GetValue<int>());
        var customerId = host.Udesk.World.Customers.Single(c => c.CustomerToken == token).Id;
        var query = Assert.Single(host.CallsTo("im/messages/unread_customer_offline"), c => c.QueryValue("im_sub_session_id") == $"{session}");
        Assert.Equal($"{customerId}", query.QueryValue("customer_id"));

        await host.Http.PostJson($"v1/conversations/{token}/read", new JsonObject { ["message_ids"] = new JsonArray(agentMessage) }).Expect(HttpStatusCode.OK);

        var read = Assert.Single(host.CallsTo("im/messages/read_messages"), c => c.BodyJson()["session_id"]!.GetValue<long>() == session).BodyJson();
        Assert.Equal([agentMessage], read["message_ids"]!.AsArray().Select(id => id!.ToString()));
        Assert.Empty(host.Udesk.World.Sessions.Single(s => s.Id == session).UnreadByCustomer);
    }

    [Fact]
    public async Task Queue_and_customer_status_ask_Udesk_about_the_customer_token()
    {
        const string token = "status-customer";
        await host.WithAgent(token);

        var queue = await host.Http.GetAsync($"v1/conversations/{token}/queue-status").Expect(HttpStatusCode.OK);
        var customer = await host.Http.GetAsync($"v1/conversations/{token}/customer-status").Expect(HttpStatusCode.OK);

        Assert.Equal("In session", queue.Str("status"));
        Assert.Equal(1, customer["status_code"]!.GetValue<int>());
        Assert.Single(host.CallsTo("im/queue_status"), c => c.QueryValue("customer_token") == token);
        Assert.Single(host.CallsTo("im/customer_status"), c => c.QueryValue("customer_token") == token);
    }

    [Fact]
    public async Task A_structured_message_goes_into_the_open_agent_session_with_its_agent_and_customer()
    {
        const string token = "struct-customer";
        var session = (await host.WithAgent(token))["im_sub_session_id"]!.GetValue<long>();

        await host.Http.PostJson($"v1/conversations/{token}/struct-messages", Card()).Expect(HttpStatusCode.OK);

        var call = Assert.Single(host.CallsTo("im/sessions/struct_messages"), c => c.QueryValue("im_sub_session_id") == $"{session}");
        Assert.Equal($"{Sessions.Tom}", call.QueryValue("agent_id"));
        Assert.Equal($"{host.Udesk.World.Customers.Single(c => c.CustomerToken == token).Id}", call.QueryValue("customer_id"));
        Assert.Equal("Spring sale", call.BodyJson()["data"].Str("title"));
        Assert.Equal(1000, call.Code);
    }

    [Fact]
    public async Task A_structured_message_with_a_bad_button_is_400_and_without_an_agent_session_409()
    {
        var card = Card();
        card["buttons"]![0]!["type"] = "teleport";
        await host.Http.PostJson("v1/conversations/struct-bad-customer/struct-messages", card).ExpectProblem(HttpStatusCode.BadRequest, "buttons[0].type");

        await host.WithRobot("struct-robot-customer");
        await host.Http.PostJson("v1/conversations/struct-robot-customer/struct-messages", Card()).ExpectProblem(HttpStatusCode.Conflict);
    }

    private static JsonObject Card() => new()
    {
        ["title"] = "Spring sale",
        ["description"] = "Everything half price",
        ["img_url"] = "https://example.com/sale.png",
        ["buttons"] = new JsonArray(new JsonObject { ["type"] = "link", ["text"] = "Visit", ["value"] = "https://example.com" }),
    };
}
