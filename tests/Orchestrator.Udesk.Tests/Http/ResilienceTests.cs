using System.Net;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Tests.Support;

namespace Orchestrator.Udesk.Tests.Http;

public sealed class ResilienceTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Transient_http_failures_are_retried_until_udesk_answers(HttpStatusCode failure)
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenStatus(failure).ThenStatus(failure).ThenJson("""{"code":1000}""");

        var result = await harness.Client.CloseSessionAsync(7);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(3, harness.Udesk.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        using var harness = new ClientHarness(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200));
        harness.Udesk
            .Then(async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            })
            .ThenJson("""{"code":1000}""");

        var result = await harness.Client.CloseSessionAsync(7);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2, harness.Udesk.Requests.Count);
    }

    [Fact]
    public async Task A_network_failure_is_retried()
    {
        using var harness = new ClientHarness();
        harness.Udesk.Then((_, _) => throw new HttpRequestException("connection refused")).ThenJson("""{"code":1000}""");

        var result = await harness.Client.CloseSessionAsync(7);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2, harness.Udesk.Requests.Count);
    }

    [Theory]
    [InlineData("""{"code":2059,"message":"bad sign"}""", 2059)]
    [InlineData("""{"code":9200,"message":"session closed"}""", 9200)]
    [InlineData("""{"code":"2065","message":"not activated"}""", 2065)]
    public async Task Business_errors_are_never_retried(string answer, int code)
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenJson(answer);

        var result = await harness.Client.SendMessagePreviewAsync(1, "typing");

        Assert.False(result.IsSuccess);
        Assert.Equal(UdeskErrorKind.Business, result.Error.Kind);
        Assert.Equal(code, result.Error.Code);
        Assert.False(result.Error.IsTransient);
        Assert.Single(harness.Udesk.Requests);
    }

    [Fact]
    public async Task A_client_error_status_is_not_retried()
    {
        using var harness = new ClientHarness();
        harness.Udesk.ThenStatus(HttpStatusCode.NotFound);

        var result = await harness.Client.CloseSessionAsync(7);

        Assert.Equal(UdeskErrorKind.InvalidResponse, result.Error!.Kind);
        Assert.Equal(404, result.Error.HttpStatus);
        Assert.Single(harness.Udesk.Requests);
    }

    [Fact]
    public async Task A_429_carries_the_Retry_After_Udesk_gave()
    {
        using var harness = new ClientHarness(o => o.Resilience.MaxRetryAttempts = 1);
        harness.Udesk.Then((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("") };
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return Task.FromResult(response);
        });

        var result = await harness.Client.GetUrobotsAsync();

        Assert.Equal(UdeskErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Error.RetryAfter);
    }

    [Fact]
    public async Task Exhausted_retries_on_429_give_a_rate_limited_error()
    {
        using var harness = new ClientHarness(o => o.Resilience.MaxRetryAttempts = 2);
        harness.Udesk.ThenStatus(HttpStatusCode.TooManyRequests);

        var result = await harness.Client.GetUrobotsAsync();

        Assert.Equal(UdeskErrorKind.RateLimited, result.Error!.Kind);
        Assert.True(result.Error.IsTransient);
        Assert.Equal(3, harness.Udesk.Requests.Count);
    }

    [Fact]
    public async Task Exhausted_retries_on_5xx_give_a_transport_error()
    {
        using var harness = new ClientHarness(o => o.Resilience.MaxRetryAttempts = 1);
        harness.Udesk.ThenStatus(HttpStatusCode.ServiceUnavailable);

        var result = await harness.Client.GetUrobotsAsync();

        Assert.Equal(UdeskErrorKind.Transport, result.Error!.Kind);
        Assert.Equal(503, result.Error.HttpStatus);
        Assert.Equal(2, harness.Udesk.Requests.Count);
    }

    [Fact]
    public async Task An_open_circuit_fails_fast_without_calling_udesk()
    {
        using var harness = new ClientHarness(o =>
        {
            o.Resilience.MaxRetryAttempts = 1;
            o.Resilience.BreakerMinimumThroughput = 2;
            o.Resilience.BreakerFailureRatio = 0.5;
            o.Resilience.BreakerBreakDuration = TimeSpan.FromMinutes(1);
        });
        harness.Udesk.ThenStatus(HttpStatusCode.InternalServerError);

        await harness.Client.GetUrobotsAsync();
        var callsBeforeOpen = harness.Udesk.Requests.Count;
        var result = await harness.Client.GetUrobotsAsync();

        Assert.Equal(UdeskErrorKind.Transport, result.Error!.Kind);
        Assert.Equal(callsBeforeOpen, harness.Udesk.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_flows_through_and_is_not_retried()
    {
        using var harness = new ClientHarness();
        var started = new TaskCompletionSource();
        harness.Udesk.Then(async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.GetUrobotsAsync(cancellation.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(harness.Udesk.Requests);
    }
}
