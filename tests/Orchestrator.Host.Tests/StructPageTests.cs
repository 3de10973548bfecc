using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Orchestrator.Host.Api;
using Orchestrator.Host.Tests.Support;
using Orchestrator.Udesk.Signing;
using Orchestrator.Udesk.Simulator.Hosting;

namespace Orchestrator.Host.Tests;

/// <summary>
/// The structured-message page Udesk embeds: served only for parameters signed with the tenant's KEY within the
/// time window; its form sends the chosen template into the session through the budget.
/// </summary>
public sealed class StructPageTests(StructPageTests.WithTemplates host) : IClassFixture<StructPageTests.WithTemplates>
{
    [Fact]
    public async Task A_correctly_signed_page_lists_the_tenants_templates()
    {
        using var response = await host.Orchestrator.Http.GetAsync(PageUrl(Signed(1, 2, 3, Now())));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Spring &lt;sale&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Call us", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<sale>", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/udesk/default/struct-page/send\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_or_missing_sign_is_403_and_an_expired_one_too()
    {
        var parameters = Signed(1, 2, 3, Now());
        parameters["agent_id"] = "4";
        await Anonymous().GetAsync(PageUrl(parameters)).ExpectProblem(HttpStatusCode.Forbidden);

        parameters = Signed(1, 2, 3, Now());
        parameters.Remove("sign");
        await Anonymous().GetAsync(PageUrl(parameters)).ExpectProblem(HttpStatusCode.Forbidden);

        var expired = await Anonymous().GetAsync(PageUrl(Signed(1, 2, 3, Now() - 600))).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal(Problems.BadSignature, expired.Str("type"));
    }

    [Fact]
    public async Task An_unknown_tenant_is_404_and_malformed_ids_are_400()
    {
        await Anonymous().GetAsync("udesk/nobody/struct-page" + QueryString(Signed(1, 2, 3, Now()))).ExpectProblem(HttpStatusCode.NotFound);

        var parameters = Signed(1, 2, 3, Now());
        parameters["customer_id"] = "x";
        await Anonymous().GetAsync(PageUrl(parameters)).ExpectProblem(HttpStatusCode.BadRequest, "customer_id");
    }

    [Fact]
    public async Task The_pages_form_sends_the_chosen_template_into_the_session()
    {
        await host.WithAgent("struct-page-customer");
        var session = (await host.Simulator.OpenSessionOf("struct-page-customer"))!;
        var (sessionId, customerId, agentId) = (session["id"]!.GetValue<long>(), session["customer_id"]!.GetValue<long>(), session["agent_id"]!.GetValue<long>());
        var form = Signed(sessionId, customerId, agentId, Now());
        form["template"] = "sale";

        using var response = await Anonymous().PostAsync("udesk/default/struct-page/send", new FormUrlEncodedContent(form));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Sent", html, StringComparison.Ordinal);
        var call = Assert.Single(host.CallsTo("im/sessions/struct_messages"), c => c.QueryValue("im_sub_session_id") == $"{sessionId}");
        Assert.Equal(($"{sessionId}", $"{customerId}", $"{agentId}"), (call.QueryValue("im_sub_session_id"), call.QueryValue("customer_id"), call.QueryValue("agent_id")));
        var data = call.BodyJson()["data"]!;
        Assert.Equal("Spring <sale>", data.Str("title"));
        Assert.Equal("https://example.com/sale", data["buttons"]![0].Str("value"));
        Assert.Equal(1000, call.Code);
    }

    [Fact]
    public async Task The_form_with_a_tampered_sign_is_403_and_with_an_unknown_template_400()
    {
        var form = Signed(1, 2, 3, Now());
        form["template"] = "nope";
        await Anonymous().PostAsync("udesk/default/struct-page/send", new FormUrlEncodedContent(form)).ExpectProblem(HttpStatusCode.BadRequest, "template");

        form["template"] = "sale";
        form["im_sub_session_id"] = "9";
        await Anonymous().PostAsync("udesk/default/struct-page/send", new FormUrlEncodedContent(form)).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(host.CallsTo("im/sessions/struct_messages"), c => c.QueryValue("im_sub_session_id") is "1" or "9");
    }

    private Dictionary<string, string> Signed(long session, long customer, long agent, long timestamp) => new()
    {
        ["im_sub_session_id"] = $"{session}",
        ["customer_id"] = $"{customer}",
        ["agent_id"] = $"{agent}",
        ["jid_resource"] = "sdk-1",
        ["timestamp"] = $"{timestamp}",
        ["sign"] = StructuredMessageSignature.Compute(session, customer, agent, timestamp, host.Udesk.Options.StructuredMessageKey),
    };

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string PageUrl(Dictionary<string, string> parameters) => "udesk/default/struct-page" + QueryString(parameters);

    private static string QueryString(Dictionary<string, string> parameters) => QueryHelpers.AddQueryString("", parameters!);

    private HttpClient Anonymous() => new() { BaseAddress = host.Orchestrator.Address };

    /// <summary>The default tenant with two templates, and structured messages not spaced out, so tests need not wait.</summary>
    public sealed class WithTemplates : HostedUdesk
    {
        protected override IDictionary<string, string?> Settings(UdeskSimulatorServer udesk) => new Dictionary<string, string?>
        {
            ["Orchestrator:Udesk:Limits:CallsPerMinute"] = "10000",
            ["Orchestrator:Udesk:Limits:StructuredMessageInterval"] = "00:00:00.001",
            ["Orchestrator:Tenants:default:StructuredMessages:0:Name"] = "sale",
            ["Orchestrator:Tenants:default:StructuredMessages:0:Title"] = "Spring <sale>",
            ["Orchestrator:Tenants:default:StructuredMessages:0:Description"] = "Everything half price",
            ["Orchestrator:Tenants:default:StructuredMessages:0:ImgUrl"] = "https://example.com/sale.png",
            ["Orchestrator:Tenants:default:StructuredMessages:0:Buttons:0:Type"] = "link",
            ["Orchestrator:Tenants:default:StructuredMessages:0:Buttons:0:Text"] = "Visit",
            ["Orchestrator:Tenants:default:StructuredMessages:0:Buttons:0:Value"] = "https://example.com/sale",
            ["Orchestrator:Tenants:default:StructuredMessages:1:Name"] = "call-us",
            ["Orchestrator:Tenants:default:StructuredMessages:1:Title"] = "Call us",
            ["Orchestrator:Tenants:default:StructuredMessages:1:Description"] = "We answer 9 to 5",
            ["Orchestrator:Tenants:default:StructuredMessages:1:ImgUrl"] = "https://example.com/phone.png",
            ["Orchestrator:Tenants:default:StructuredMessages:1:Buttons:0:Type"] = "phone",
            ["Orchestrator:Tenants:default:StructuredMessages:1:Buttons:0:Text"] = "Dial",
            ["Orchestrator:Tenants:default:StructuredMessages:1:Buttons:0:Value"] = "010-12345678",
        };
    }
}
