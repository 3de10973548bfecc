using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Simulator.RateLimiting;
using Orchestrator.Udesk.Simulator.Tests.Support;
using Orchestrator.Udesk.StructuredMessages;

namespace Orchestrator.Udesk.Simulator.Tests;

/// <summary>
/// Udesk's three limits, on a stopped clock so "within a second" is exact: each refusal is an HTTP 429 with
/// Retry-After, is counted as a violation, and passes once the clock has moved on.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task The_company_budget_refuses_the_call_after_the_last_permit_of_the_minute()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(o => o.CompanyCallsPerMinute = 3, time: clock);

        var allowed = new List<int?>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await sim.SendAsync(HttpMethod.Get, "im/im_sensitive_words")).Code);
        }

        var refused = await sim.SendAsync(HttpMethod.Get, "im/im_sensitive_words");
        clock.Advance(TimeSpan.FromSeconds(59));
        var stillRefused = await sim.SendAsync(HttpMethod.Get, "im/urobots");
        clock.Advance(TimeSpan.FromSeconds(1));
        var nextMinute = await sim.SendAsync(HttpMethod.Get, "im/urobots");

        Assert.Equal([1000, 1000, 1000], allowed);
        Assert.Equal((429, TimeSpan.FromSeconds(60)), (refused.Status, refused.RetryAfter));
        Assert.Equal((429, TimeSpan.FromSeconds(1)), (stillRefused.Status, stillRefused.RetryAfter));
        Assert.Equal(1000, nextMinute.Code);
        Assert.Equal(2, sim.Server.RateLimits.ViolationCount(RateLimit.CompanyBudget));
        Assert.All(sim.Server.RateLimits.Violations, v => Assert.Equal(RateLimit.CompanyBudget, v.Limit));
        Assert.Equal(["handled", "handled", "handled", "rate_limited", "rate_limited", "handled"], sim.Server.Log.Calls.Select(c => c.Outcome));
    }

    [Fact]
    public async Task Refused_signatures_and_log_in_do_not_spend_the_company_budget()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(o => o.CompanyCallsPerMinute = 1, time: clock);

        var forged = await sim.SendAsync(HttpMethod.Get, "im/urobots", query: sim.SignedQuery(token: "guess"));
        var logIn = await sim.Client.LogInAsync(sim.Options.Email, sim.Options.Password);
        var genuine = await sim.SendAsync(HttpMethod.Get, "im/urobots");

        Assert.Equal(2059, forged.Code);
        Assert.True(logIn.IsSuccess, logIn.ToString());
        Assert.Equal(1000, genuine.Code);
        Assert.Empty(sim.Server.RateLimits.Violations);
    }

    [Fact]
    public async Task The_fourth_preview_of_a_session_within_a_second_is_refused()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(time: clock);
        var session = await sim.AgentSessionAsync("a", 397);
        var other = await sim.AgentSessionAsync("b", 398);
        var preview = Fixture.Text("request-preview.json");

        var allowed = new List<int?>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await sim.SendAsync(HttpMethod.Put, $"im/sessions/{session.ImSubSessionId}/message_preview", preview)).Code);
        }

        var fourth = await sim.SendAsync(HttpMethod.Put, $"im/sessions/{session.ImSubSessionId}/message_preview", preview);
        var otherSession = await sim.SendAsync(HttpMethod.Put, $"im/sessions/{other.ImSubSessionId}/message_preview", preview);
        clock.Advance(TimeSpan.FromSeconds(1));
        var nextSecond = await sim.SendAsync(HttpMethod.Put, $"im/sessions/{session.ImSubSessionId}/message_preview", """{"content": "next"}""");

        Assert.Equal([1000, 1000, 1000], allowed);
        Assert.Equal(429, fourth.Status);
        Assert.Equal(1000, otherSession.Code);
        Assert.Equal(1000, nextSecond.Code);
        Assert.Equal("next", sim.Server.World.Session(session.ImSubSessionId)!.Preview);
        var violation = Assert.Single(sim.Server.RateLimits.Violations);
        Assert.Equal((RateLimit.Preview, session.ImSubSessionId.ToString()), (violation.Limit, violation.Key));
    }

    [Fact]
    public async Task A_refused_preview_reaches_the_typed_client_as_rate_limited()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(time: clock, client: o => o.Resilience.MaxRetryAttempts = 1);
        var session = await sim.AgentSessionAsync("a");

        var results = new List<UdeskResult<UdeskResponse>>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await sim.Client.SendMessagePreviewAsync(session.ImSubSessionId, $"typing {i}"));
        }

        Assert.All(results.Take(3), r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Equal((UdeskErrorKind.RateLimited, 429), (results[3].Error?.Kind, results[3].Error?.HttpStatus));
        // The client does not repeat a 429 itself (each attempt is the caller's, with its own permit): one violation.
        Assert.Equal(1, sim.Server.RateLimits.ViolationCount(RateLimit.Preview));
    }

    [Fact]
    public async Task Previews_answer_2062_for_a_closed_session_and_2065_when_not_activated()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await using var inactive = await SimulatorHarness.StartAsync(o => o.PreviewEnabled = false);
        var session = await sim.AgentSessionAsync("a");
        var other = await inactive.AgentSessionAsync("a");
        sim.Server.World.Close(session.ImSubSessionId);

        var closed = await sim.Client.SendMessagePreviewAsync(session.ImSubSessionId, "x");
        var notActivated = await inactive.Client.SendMessagePreviewAsync(other.ImSubSessionId, "x");

        Assert.Equal(2062, closed.Error?.Code);
        Assert.Equal(2065, notActivated.Error?.Code);
    }

    [Fact]
    public async Task A_second_structured_message_within_two_seconds_is_refused()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(time: clock);
        var session = await sim.AgentSessionAsync("a", 397);
        var customerId = sim.Server.World.Session(session.ImSubSessionId)!.CustomerId;
        var card = new StructuredMessage("Title", "Description", "https://x/1.png", [new StructuredMessageButton("link", "Visit", "https://www.udesk.cn")]);

        var first = await sim.Client.SendStructuredMessageAsync(new StructuredMessageRequest(session.ImSubSessionId, customerId, 397, card));
        var second = await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", Fixture.Text("request-struct-message.json"), sim.StructuredQuery(session.ImSubSessionId, customerId, 397));
        clock.Advance(TimeSpan.FromSeconds(2));
        var later = await sim.SendAsync(HttpMethod.Post, "im/sessions/struct_messages", Fixture.Text("request-struct-message.json"), sim.StructuredQuery(session.ImSubSessionId, customerId, 397));

        Assert.Equal(1000, first.GetValueOrThrow().Status);
        Assert.Equal((429, TimeSpan.FromSeconds(2)), (second.Status, second.RetryAfter));
        JsonShape.Of(@fixed: ["status", "message"]).AssertMatches(Fixture.Json("response-struct-message.json"), later.Json);
        var violation = Assert.Single(sim.Server.RateLimits.Violations);
        Assert.Equal(RateLimit.StructuredMessage, violation.Limit);
    }

    [Fact]
    public async Task Violations_are_readable_over_the_control_api()
    {
        var clock = Clock.StoppedNow();
        await using var sim = await SimulatorHarness.StartAsync(o => o.CompanyCallsPerMinute = 1, time: clock);

        await sim.SendAsync(HttpMethod.Get, "im/urobots");
        await sim.SendAsync(HttpMethod.Get, "im/urobots");
        var violations = await sim.ControlAsync(HttpMethod.Get, "violations");

        Assert.Equal((1, 0, 0), (violations!["company_budget"]!.GetValue<int>(), violations["preview"]!.GetValue<int>(), violations["structured_message"]!.GetValue<int>()));
        var call = Assert.Single(violations["calls"]!.AsArray())!;
        Assert.Equal(("company_budget", "/open_api_v1/im/urobots"), (call["limit"]!.ToString(), call["path"]!.ToString()));
    }
}
