using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Conversations.Retention;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Host.Tests.Support;

namespace Orchestrator.Host.Tests;

/// <summary>
/// <c>DELETE /v1/customers/{token}/data</c> over real HTTP, with the simulator as Udesk: a closed conversation is
/// erased and ledgered, one with a session open at Udesk is refused; dropped duplicates show in the audit.
/// </summary>
public sealed class CustomerDataErasureTests(HostedUdesk host) : IClassFixture<HostedUdesk>
{
    [Fact]
    public async Task A_repeated_message_shows_in_the_audit_as_a_dropped_duplicate_with_the_key_that_sent_it()
    {
        var customer = new PlatformApi(host.Http, "erasure-duplicate");
        await host.WithRobot(customer.CustomerToken);
        await PlatformApi.Accepted(customer.SendMessage("m-1", "hello"));

        await customer.SendMessage("m-1", "hello");

        var entries = (await host.Http.GetAsync($"v1/conversations/{customer.CustomerToken}/audit").Expect(HttpStatusCode.OK))["entries"]!.AsArray();
        var sent = entries.Single(e => e.Str("kind") == "customer_message");
        var duplicate = entries.Single(e => e.Str("kind") == "duplicate_dropped");
        Assert.Equal(("m-1", "customer_to_udesk", sent.Str("issued_by")), (duplicate.Str("message_id"), duplicate.Str("direction"), duplicate.Str("issued_by")));
        Assert.NotEqual("", duplicate.Str("issued_by"));
        Assert.NotEqual("", duplicate.Str("at"));
    }

    [Fact]
    public async Task A_closed_customer_is_erased_ledgered_and_can_start_afresh()
    {
        var customer = new PlatformApi(host.Http, "erasure-closed");
        await host.WithRobot(customer.CustomerToken);
        await PlatformApi.Accepted(customer.SendMessage("m-1", "my address is 1 Main St"));
        await customer.Close();
        await customer.StateWhere(s => s.Str("state") == "closed", "closed");

        var erased = await host.Http.DeleteAsync($"v1/customers/{customer.CustomerToken}/data").Expect(HttpStatusCode.OK);

        Assert.Equal((CustomerErasure.Sha256Of(customer.CustomerToken), "request"), (erased.Str("customer_sha256"), erased.Str("reason")));
        Assert.True(erased["events_deleted"]!.GetValue<long>() >= 4, erased.ToJsonString());
        Assert.NotEqual("", erased.Str("issued_by"));
        await host.Http.GetAsync($"v1/conversations/{customer.CustomerToken}/audit").ExpectProblem(HttpStatusCode.NotFound);
        var ledger = (await host.Http.GetAsync("v1/audit/erasures?limit=1000").Expect(HttpStatusCode.OK))["erasures"]!.AsArray();
        Assert.Contains(ledger, e => e!["erasure_id"]!.GetValue<long>() == erased["erasure_id"]!.GetValue<long>() && e.Str("customer_sha256") == erased.Str("customer_sha256"));

        await host.WithRobot(customer.CustomerToken);
        await PlatformApi.Accepted(customer.SendMessage("m-1", "hello again"));
    }

    [Fact]
    public async Task A_customer_with_a_session_open_at_Udesk_is_refused_with_409_naming_why_and_keeps_everything()
    {
        var customer = new PlatformApi(host.Http, "erasure-open");
        await host.WithAgent(customer.CustomerToken);

        var problem = await host.Http.DeleteAsync($"v1/customers/{customer.CustomerToken}/data").ExpectProblem(HttpStatusCode.Conflict);

        Assert.Contains("open session at Udesk", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("agent", (await customer.State())!.Str("state"));
        await host.Http.GetAsync($"v1/conversations/{customer.CustomerToken}/audit").Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_bad_ledger_window_is_a_problem_naming_the_field()
    {
        await host.Http.GetAsync("v1/audit/erasures?from=yesterday").ExpectProblem(HttpStatusCode.BadRequest, "from");
        await host.Http.GetAsync("v1/audit/erasures?limit=0").ExpectProblem(HttpStatusCode.BadRequest, "limit");
    }
}
