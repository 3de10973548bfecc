using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Tests.Support;

namespace Orchestrator.Udesk.Simulator.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public void Signatures_reproduce_the_vectors_of_the_notes()
    {
        Assert.Equal(
            "b5bdc20f6c116d21fb01c2273ae8e520ffc4e3bf242583c99477ef8262af25b6",
            Signatures.OpenApiV2("admin@udesk.cn", "token", "1494474404", "2d931510-d99f-494a-8c67-87feb05e1594"));
        Assert.Equal(
            "4666293b3dfe91aa97179dc701be7afc",
            Signatures.StructuredMessage("1", "1", "1", "1484272693", "708ff6dc-41d5-4med-9ebc-0388zz9d76f1"));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_2059_in_an_http_200()
    {
        await using var sim = await SimulatorHarness.StartAsync(client: o => o.ApiToken = "not-the-token");

        var result = await sim.Client.GetSensitiveWordsAsync();

        Assert.False(result.IsSuccess);
        Assert.Equal(UdeskErrorKind.Business, result.Error.Kind);
        Assert.Equal(2059, result.Error.Code);
        var call = Assert.Single(sim.Server.Log.Calls);
        Assert.Equal((200, "auth_failed"), (call.HttpStatus, call.Outcome));
    }

    [Fact]
    public async Task A_nonce_is_accepted_once()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var nonce = Guid.NewGuid().ToString();

        var first = await sim.SendAsync(HttpMethod.Get, "im/im_sensitive_words", query: sim.SignedQuery(nonce));
        var replay = await sim.SendAsync(HttpMethod.Get, "im/im_sensitive_words", query: sim.SignedQuery(nonce));

        Assert.Equal(1000, first.Code);
        Assert.Equal((200, 2059), (replay.Status, replay.Code));
        Assert.Contains("Nonce", replay.Json!["message"]!.ToString());
    }

    [Fact]
    public async Task A_forged_request_does_not_use_up_the_nonce_it_carries()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var nonce = Guid.NewGuid().ToString();

        var forged = await sim.SendAsync(HttpMethod.Get, "im/im_sensitive_words", query: sim.SignedQuery(nonce, token: "guess"));
        var genuine = await sim.SendAsync(HttpMethod.Get, "im/im_sensitive_words", query: sim.SignedQuery(nonce));

        Assert.Equal(2059, forged.Code);
        Assert.Equal(1000, genuine.Code);
    }

    [Theory]
    [InlineData(-301, 2059)]
    [InlineData(301, 2059)]
    [InlineData(-290, 1000)]
    [InlineData(290, 1000)]
    public async Task A_timestamp_more_than_five_minutes_off_is_stale(int offsetSeconds, int expectedCode)
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var answer = await sim.SendAsync(HttpMethod.Get, "im/im_sensitive_words", query: sim.SignedQuery(timestamp: DateTimeOffset.UtcNow.AddSeconds(offsetSeconds).ToUnixTimeSeconds()));

        Assert.Equal(expectedCode, answer.Code);
    }

    [Fact]
    public async Task A_caller_whose_clock_is_off_is_refused_as_stale()
    {
        await using var sim = await SimulatorHarness.StartAsync(time: new ShiftedTimeProvider(TimeSpan.FromMinutes(6)));

        var result = await sim.Client.GetUrobotsAsync();

        Assert.Equal(2059, result.Error?.Code);
        Assert.Contains("expired", result.Error!.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Legacy_v1_signatures_are_accepted()
    {
        await using var sim = await SimulatorHarness.StartAsync(client: o => o.SignatureVersion = SignatureVersion.V1);

        var result = await sim.Client.GetUrobotsAsync();

        Assert.True(result.IsSuccess, result.ToString());
    }

    [Fact]
    public async Task Missing_authentication_is_refused_and_log_in_needs_none()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var unsigned = await sim.SendAsync(HttpMethod.Get, "im/urobots", query: "x=1");
        var logIn = await sim.Client.LogInAsync(sim.Options.Email, sim.Options.Password);
        var wrongPassword = await sim.Client.LogInAsync(sim.Options.Email, "nope");

        Assert.Equal(2059, unsigned.Code);
        Assert.Equal(sim.Options.ApiToken, logIn.Value?.OpenApiAuthToken);
        Assert.False(wrongPassword.IsSuccess);
    }
}
