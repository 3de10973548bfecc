using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Control;
using Orchestrator.Udesk.Simulator.Logging;
using Orchestrator.Udesk.Simulator.RateLimiting;
using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Endpoints;

/// <summary>
/// What every Open API call goes through, in Udesk's order: injected faults, authentication, the company budget,
/// a readable body, then the endpoint. Every call is logged with the stage that answered it, and nothing a caller
/// sends can take the simulator down: an endpoint that throws answers HTTP 500.
/// </summary>
internal sealed class OpenApiPipeline(
    SimulatorLog log,
    SimulatorSettings settings,
    SimulatorRandom random,
    RequestAuthenticator authenticator,
    RateLimiter limiter,
    TimeProvider time)
{
    public void Map(IEndpointRouteBuilder routes, string method, string pattern, AuthScheme scheme, Func<OpenApiRequest, UdeskReply> handler) =>
        routes.MapMethods(pattern, [method], (HttpContext http) => HandleAsync(http, scheme, handler));

    /// <summary>Paths under <c>/open_api_v1/</c> that Udesk does not have.</summary>
    public void MapFallback(IEndpointRouteBuilder routes) =>
        routes.Map("{**path}", (HttpContext http) => HandleAsync(http, AuthScheme.None, _ => UdeskReply.HttpFailure(StatusCodes.Status404NotFound, "No such interface.")));

    private async Task HandleAsync(HttpContext http, AuthScheme scheme, Func<OpenApiRequest, UdeskReply> handler)
    {
        var started = time.GetTimestamp();
        var request = await OpenApiRequest.ReadAsync(http);
        UdeskReply reply;
        string outcome;
        try
        {
            (reply, outcome) = await AnswerAsync(request, scheme, handler);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            Record(http, request, StatusCodes.Status499ClientClosedRequest, null, "caller_gave_up", null, started);
            return;
        }

        Record(http, request, reply.HttpStatus, reply.Code, outcome, reply.Body["message"]?.ToString(), started);
        await reply.ExecuteAsync(http);
    }

    private async Task<(UdeskReply Reply, string Outcome)> AnswerAsync(OpenApiRequest request, AuthScheme scheme, Func<OpenApiRequest, UdeskReply> handler)
    {
        var faults = settings.Faults;
        if (random.ApiFaultHappens(faults.ApiTimeoutRate))
        {
            await Task.Delay(faults.ApiTimeoutDelay, time, request.Http.RequestAborted);
            return (UdeskReply.HttpFailure(StatusCodes.Status504GatewayTimeout, "Simulated time-out."), "fault_timeout");
        }

        if (random.ApiFaultHappens(faults.ApiErrorRate))
        {
            return (UdeskReply.HttpFailure(faults.ApiErrorStatus, "Simulated server error."), "fault_error");
        }

        if (authenticator.Verify(request, scheme) is { } failure)
        {
            return (scheme == AuthScheme.StructuredMessage ? UdeskReply.Status(failure.Code, failure.Message) : UdeskReply.Error(failure.Code, failure.Message),
                failure.ByQuirk ? "quirk_signature" : "auth_failed");
        }

        if (scheme != AuthScheme.None && !limiter.TryAcquire(RateLimit.CompanyBudget, "company", request.Http.Request.Path, out var retryAfter))
        {
            return (UdeskReply.TooManyRequests("The company's call budget is spent.", retryAfter), "rate_limited");
        }

        if (request.BodyProblem is { } problem)
        {
            return (UdeskReply.Error(UdeskCode.SessionClosedOrMissingParameter, problem), "bad_request");
        }

        try
        {
            // Due from the moment of handling, so a clock moved before the wait starts still releases the answer.
            var answerDue = time.GetUtcNow() + faults.ApiAnswerDelay;
            var reply = handler(request);
            if (reply.HttpStatus == StatusCodes.Status429TooManyRequests)
            {
                return (reply, "rate_limited");
            }

            if (await LoseAnswerAsync(reply, faults, request.Http.RequestAborted) is { } lost)
            {
                return lost;
            }

            if (answerDue - time.GetUtcNow() is var held && held > TimeSpan.Zero)
            {
                await Task.Delay(held, time, request.Http.RequestAborted);
            }

            return (reply, "handled");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (UdeskReply.HttpFailure(StatusCodes.Status500InternalServerError, $"Simulator error: {e.Message}"), "simulator_error");
        }
    }

    /// <summary>Executed, then failed: the effects stand but the caller gets a 5xx or a time-out instead of the answer.</summary>
    private async Task<(UdeskReply Reply, string Outcome)?> LoseAnswerAsync(UdeskReply reply, FaultOptions faults, CancellationToken aborted)
    {
        if (random.ApiFaultHappens(faults.ApiErrorAfterHandlingRate))
        {
            return (UdeskReply.HttpFailure(faults.ApiErrorStatus, $"Simulated server error after handling (the answer was code {reply.Code})."), "fault_error_after_handling");
        }

        if (random.ApiFaultHappens(faults.ApiTimeoutAfterHandlingRate))
        {
            await Task.Delay(faults.ApiTimeoutDelay, time, aborted);
            return (UdeskReply.HttpFailure(StatusCodes.Status504GatewayTimeout, $"Simulated time-out after handling (the answer was code {reply.Code})."), "fault_timeout_after_handling");
        }

        return null;
    }

    private void Record(HttpContext http, OpenApiRequest request, int status, int? code, string outcome, string? message, long started) =>
        log.Add(sequence => new CallRecord(
            sequence,
            time.GetUtcNow(),
            http.Request.Method,
            http.Request.Path,
            http.Request.QueryString.Value ?? "",
            request.BodyText,
            status,
            code,
            outcome,
            message,
            time.GetElapsedTime(started)));
}
