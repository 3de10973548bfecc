using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Host.Tests.Support;

namespace Orchestrator.Host.Tests;

/// <summary><c>PUT /v1/customers/{token}</c>: the Udesk customer is looked up by token, created when absent, else updated.</summary>
public sealed class CustomerEndpointTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    [Fact]
    public async Task The_first_put_creates_the_customer_and_the_next_updates_it()
    {
        const string token = "customer-upsert";

        var created = await host.Http.PutAsJsonAsync($"v1/customers/{token}", new JsonObject
        {
            ["nick_name"] = "Ada",
            ["email"] = "ada@example.com",
            ["cellphones"] = new JsonArray("13600000000"),
            ["tags"] = new JsonArray("vip", "beta"),
        }).Expect(HttpStatusCode.Created);

        Assert.Equal("Ada", created["customer"].Str("nick_name"));
        var lookup = Assert.Single(host.CallsTo("customers/get_customer"));
        Assert.Equal(("token", token), (lookup.QueryValue("type"), lookup.QueryValue("content")));
        var creation = Assert.Single(host.CallsTo("customers", "POST")).BodyJson();
        Assert.Equal(token, creation["customer"].Str("open_api_token"));
        Assert.Equal("ada@example.com", creation["customer"].Str("email"));
        Assert.Equal("13600000000", creation["customer"]!["cellphones"]![0]![1]!.ToString());
        Assert.Equal("vip,beta", creation.Str("tags"));

        var updated = await host.Http.PutAsJsonAsync($"v1/customers/{token}", new JsonObject { ["nick_name"] = "Ada L." }).Expect(HttpStatusCode.OK);

        Assert.Equal("Ada L.", updated["customer"].Str("nick_name"));
        var update = Assert.Single(host.CallsTo("customers/update_customer", "PUT"));
        Assert.Equal(("token", token), (update.QueryValue("type"), update.QueryValue("content")));
        Assert.Equal("Ada L.", update.BodyJson()["customer"].Str("nick_name"));
        Assert.Single(host.CallsTo("customers", "POST"));
        Assert.Equal("Ada L.", host.Udesk.World.Customers.Single(c => c.CustomerToken == token).NickName);
    }

    [Theory]
    [InlineData("{\"email\":\"not an address\"}", "email")]
    [InlineData("{\"cellphones\":[\"\"]}", "cellphones")]
    [InlineData("{\"tags\":[\"a,b\"]}", "tags")]
    [InlineData("{\"owner_id\":0}", "owner_id")]
    public async Task A_bad_body_is_a_400_naming_the_field_and_calls_no_Udesk(string body, string field)
    {
        var before = host.Udesk.Log.Calls.Count;

        await host.Http.PutAsync("v1/customers/customer-bad-body", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))
            .ExpectProblem(HttpStatusCode.BadRequest, field);

        Assert.Equal(before, host.Udesk.Log.Calls.Count);
    }
}
