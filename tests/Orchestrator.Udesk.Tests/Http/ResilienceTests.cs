using System.Net;
using Orchestrator.Udesk.Results;
using Orchestrator.Udesk.Tests.Support;

namespace Orchestrator.Udesk.Tests.Http;

public sealed class ResilienceTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, UdeskErrorKind.Transport, true)]
    [InlineData(HttpStatusCode.BadGateway, UdeskErrorKind.Transport, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, UdeskErrorKind.Transport, true)]
    [InlineData(HttpStatusCode.RequestTimeout, UdeskErrorKind.Transport, true)]
    [InlineData(HttpStatusCode.TooManyRequests, UdeskErrorKind.RateLimited, false)]
    public async Task Transient_http_failures_go_back_to_the_caller_after_one_attempt(HttpStatusCode failure, UdeskErrorKind kind, bool mayHaveExecuted)
    {
        // Each attempt costs a place in Udesk's budget, and a 5xx may follow the work done: the caller decides.
        using var harness = new ClientHarness();
        harness.Udesk.ThenStatus(failure).ThenJson("""{"code":1000}""");

        var result = await harness.Client.CloseSessionAsync(7);

        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(mayHaveExecuted, result.Error.MayHaveExecuted);
        Assert.Single(harness.Udesk.Requests);
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_not_repeated_and_may_have_executed()
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

        Assert.Equal(UdeskErrorKind.Transport, result.Error!.Kind);
        Assert.True(result.Error.MayHaveExecuted);
        Assert.Single(harness.Udesk.Requests);
    }

    [Fact]
    public async Task A_connection_that_could_not_be_made_is_retried()
    {
        using var harness = new ClientHarness();
        harness.Udesk.Then((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")).ThenJson("""{"code":1000}""");

        var result = await harness.Client.CloseSessionAsync(7);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2, harness.Udesk.Requests.Count);
    }

    [Fact]
    public async Task A_connection_lost_after_the_request_left_is_not_retried()
    {
        using var harness = new ClientHarness();
        harness.Udesk.Then((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "connection reset")).ThenJson("""{"code":1000}""");

        var result = await harness.Client.CloseSessionAsync(7);

        Assert.Equal(UdeskErrorKind.Transport, result.Error!.Kind);
        Assert.True(result.Error.MayHaveExecuted);
        Assert.Single(harness.Udesk.Requests);
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
    public async Task An_open_circuit_fails_fast_without_calling_udesk()
    {
        using var harness = new ClientHarness(o =>
        {
            o.Resilience.BreakerMinimumThroughput = 2;
            o.Resilience.BreakerFailureRatio = 0.5;
            o.Resilience.BreakerBreakDuration = TimeSpan.FromMinutes(1);
        });
        harness.Udesk.ThenStatus(HttpStatusCode.InternalServerError);

        // Two failed calls (the breaker's minimum throughput) open it.
        await harness.Client.GetUrobotsAsync();
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
