using System.Net;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.Signing;
using Orchestrator.Udesk.Tests.Support;

namespace Orchestrator.Udesk.Tests.Http;

public sealed class SigningPipelineTests
{
    [Fact]
    public async Task Every_call_is_signed_with_v2_over_its_own_timestamp_and_nonce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1494474404));
        using var harness = new ClientHarness(time: time);

        await harness.Client.GetSensitiveWordsAsync();

        var request = harness.Single;
        Assert.Equal(ClientHarness.Email, request.QueryValue("email"));
        Assert.Equal("1494474404", request.QueryValue("timestamp"));
        Assert.Equal("v2", request.QueryValue("sign_version"));
        var nonce = request.QueryValue("nonce");
        Assert.False(string.IsNullOrEmpty(nonce));
        Assert.Equal(OpenApiSignature.V2(ClientHarness.Email, ClientHarness.Token, 1494474404, nonce!), request.QueryValue("sign"));
    }

    [Fact]
    public async Task A_retried_attempt_is_signed_again_with_a_fresh_nonce()
    {
        using var harness = new ClientHarness();
        harness.Udesk
            .Then((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"))
            .ThenJson("""{"code":1000,"customer_words_string":"a,b"}""");

        var result = await harness.Client.GetSensitiveWordsAsync();

        Assert.True(result.IsSuccess, result.ToString());
        var attempts = harness.Udesk.Requests.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.NotEqual(attempts[0].QueryValue("nonce"), attempts[1].QueryValue("nonce"));
        foreach (var attempt in attempts)
        {
            // Exactly one set of credentials per attempt: a retry must replace, not append.
            Assert.Single(attempt.Query.GetValues("sign")!);
            Assert.Equal(
                OpenApiSignature.V2(ClientHarness.Email, ClientHarness.Token, long.Parse(attempt.QueryValue("timestamp")!), attempt.QueryValue("nonce")!),
                attempt.QueryValue("sign"));
        }
    }

    [Fact]
    public async Task V1_accounts_are_signed_with_sha1_and_no_nonce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1494474404));
        using var harness = new ClientHarness(o => o.SignatureVersion = SignatureVersion.V1, time);

        await harness.Client.GetSensitiveWordsAsync();

        var request = harness.Single;
        Assert.Null(request.QueryValue("nonce"));
        Assert.Null(request.QueryValue("sign_version"));
        Assert.Equal("5e72c283a5b37be34bedd96927beba4bad36799c", request.QueryValue("sign"));
    }

    [Fact]
    public async Task Query_parameters_of_the_call_survive_signing_and_are_escaped()
    {
        using var harness = new ClientHarness();

        await harness.Client.DestroyClosedSessionsAsync(
            new DateTimeOffset(2022, 5, 19, 19, 50, 33, TimeSpan.FromHours(8)),
            new DateTimeOffset(2022, 5, 19, 20, 50, 33, TimeSpan.FromHours(8)),
            123123);

        var request = harness.Single;
        Assert.Contains("start_time=2022-05-19%2019%3A50%3A33", request.Uri.Query, StringComparison.Ordinal);
        Assert.Equal("2022-05-19 20:50:33", request.QueryValue("end_time"));
        Assert.Equal("123123", request.QueryValue("customer_id"));
        Assert.NotNull(request.QueryValue("sign"));
    }
}
