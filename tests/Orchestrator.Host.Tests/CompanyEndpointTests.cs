using System.Net;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Host.Tests;

/// <summary>Company-wide routes under <c>/v1/udesk</c>: each is one Udesk call with the query translated.</summary>
public sealed class CompanyEndpointTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    [Fact]
    public async Task Agent_status_lists_the_agents_or_one_groups()
    {
        var all = await host.Http.GetAsync("v1/udesk/agents/status").Expect(HttpStatusCode.OK);
        var support = await host.Http.GetAsync($"v1/udesk/agents/status?group_id={DefaultWorld.SupportGroupId}").Expect(HttpStatusCode.OK);

        Assert.Equal([397L, 398L, 399L], all["agents"]!.AsArray().Select(a => a!["id"]!.GetValue<long>()));
        Assert.Equal([398L, 399L], support["agents"]!.AsArray().Select(a => a!["id"]!.GetValue<long>()));
        Assert.Contains(host.CallsTo("im/agent_status"), c => c.QueryValue("group_id") == $"{DefaultWorld.SupportGroupId}");
    }

    [Fact]
    public async Task A_Udesk_refusal_is_a_502_with_its_code_and_a_bad_query_a_400_naming_it()
    {
        var refused = await host.Http.GetAsync("v1/udesk/agents/status?group_id=424242").ExpectProblem(HttpStatusCode.BadGateway);
        Assert.Equal(11012, refused["udesk_code"]!.GetValue<int>());

        var before = host.Udesk.Log.Calls.Count;
        await host.Http.GetAsync("v1/udesk/agents/status?group_id=sales").ExpectProblem(HttpStatusCode.BadRequest, "group_id");
        await host.Http.GetAsync("v1/udesk/agents/unread").ExpectProblem(HttpStatusCode.BadRequest, "agent_ids");
        await host.Http.GetAsync("v1/udesk/abandoned-queues?from=2025-11-25T10:00:00Z&to=2025-11-25T09:00:00Z").ExpectProblem(HttpStatusCode.BadRequest, "from");
        await host.Http.GetAsync("v1/udesk/abandoned-queues?from=2025-11-25T08:00:00Z&to=2025-11-25T09:00:00Z&per_page=500")
            .ExpectProblem(HttpStatusCode.BadRequest, "per_page");
        await host.Http.DeleteAsync("v1/udesk/sessions?from=2025-11-25T08:00:00Z").ExpectProblem(HttpStatusCode.BadRequest, "to");
        Assert.Equal(before, host.Udesk.Log.Calls.Count);
    }

    [Fact]
    public async Task Agent_unread_takes_repeated_and_comma_separated_ids()
    {
        var unread = await host.Http.GetAsync("v1/udesk/agents/unread?agent_ids=397,398&agent_ids=399").Expect(HttpStatusCode.OK);

        Assert.Equal([397L, 398L, 399L], unread["results"]!.AsArray().Select(r => r!["agent_id"]!.GetValue<long>()));
        var call = Assert.Single(host.CallsTo("im/messages/agent_unread_messages"));
        Assert.Equal("397,398,399", call.QueryValue("agent_ids[]"));
    }

    [Fact]
    public async Task Urobots_and_sensitive_words_are_the_companys()
    {
        var urobots = await host.Http.GetAsync("v1/udesk/urobots").Expect(HttpStatusCode.OK);
        var words = await host.Http.GetAsync("v1/udesk/sensitive-words").Expect(HttpStatusCode.OK);

        Assert.Equal(DefaultWorld.UrobotId, urobots["urobot_list"]![0]!["id"]!.GetValue<long>());
        Assert.Equal(DefaultWorld.SceneId, urobots["urobot_list"]![0]!["scene_list"]![0]!["id"]!.GetValue<long>());
        Assert.Equal("stupid,idiot", words.Str("customer_words_string"));
        Assert.Single(host.CallsTo("im/urobots"));
        Assert.Single(host.CallsTo("im/im_sensitive_words"));
    }

    [Fact]
    public async Task Abandoned_queues_and_session_clean_up_send_the_window_in_Udesk_time()
    {
        var page = await host.Http.GetAsync("v1/udesk/abandoned-queues?from=2025-11-25T08:00:00Z&to=2025-11-25T09:30:00Z&page=2&per_page=10")
            .Expect(HttpStatusCode.OK);
        await host.Http.DeleteAsync("v1/udesk/sessions?from=2025-11-24T16:00:00Z&to=2025-11-25T15:59:59Z&customer_id=12").Expect(HttpStatusCode.OK);

        Assert.Equal(2, page["meta"]!["current_page"]!.GetValue<int>());
        var queues = Assert.Single(host.CallsTo("im/im_queues"));
        Assert.Equal(("2025-11-25 16:00:00", "2025-11-25 17:30:00", "2", "10"), (queues.QueryValue("start_time"), queues.QueryValue("end_time"), queues.QueryValue("page"), queues.QueryValue("per_page")));
        var destroy = Assert.Single(host.CallsTo("im/sessions/destroy_session", "DELETE"));
        Assert.Equal(("2025-11-25 00:00:00", "2025-11-25 23:59:59", "12"), (destroy.QueryValue("start_time"), destroy.QueryValue("end_time"), destroy.QueryValue("customer_id")));
    }

    [Fact]
    public async Task Customer_status_by_web_or_sdk_token_asks_udesk_with_that_token()
    {
        var web = await host.Http.GetAsync("v1/udesk/customer-status?web_token=w-1&session_key=179306259").Expect(HttpStatusCode.OK);
        await host.Http.GetAsync("v1/udesk/customer-status?sdk_token=s-1").Expect(HttpStatusCode.OK);

        Assert.Equal(3, web["status_code"]!.GetValue<int>());
        var calls = host.CallsTo("im/customer_status").ToList();
        Assert.Contains(calls, c => c.QueryValue("web_token") == "w-1" && c.QueryValue("session_key") == "179306259");
        Assert.Contains(calls, c => c.QueryValue("sdk_token") == "s-1" && c.QueryValue("web_token") is null);
    }

    [Theory]
    [InlineData("", "web_token")]
    [InlineData("?web_token=w&sdk_token=s", "web_token")]
    [InlineData("?sdk_token=s&session_key=k", "session_key")]
    [InlineData("?session_key=k", "session_key")]
    public async Task Customer_status_needs_exactly_one_token_and_calls_nothing_otherwise(string query, string field)
    {
        var before = host.Udesk.Log.Calls.Count;

        await host.Http.GetAsync($"v1/udesk/customer-status{query}").ExpectProblem(HttpStatusCode.BadRequest, field);

        Assert.Equal(before, host.Udesk.Log.Calls.Count);
    }
}
