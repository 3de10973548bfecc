using Microsoft.AspNetCore.Mvc;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Host.Api;

/// <summary>
/// Every error the service answers, as RFC 7807 problem details with a stable <c>type</c> a client can switch on.
/// </summary>
public static class Problems
{
    public const string InvalidInput = "urn:orchestrator:problem:invalid-input";
    public const string Unauthenticated = "urn:orchestrator:problem:unauthenticated";
    public const string NotAllowed = "urn:orchestrator:problem:forbidden";
    public const string UnknownConversation = "urn:orchestrator:problem:unknown-conversation";
    public const string StateConflict = "urn:orchestrator:problem:state-conflict";
    public const string BodyTooLarge = "urn:orchestrator:problem:body-too-large";
    public const string BudgetExhausted = "urn:orchestrator:problem:udesk-budget-exhausted";
    public const string UdeskRefused = "urn:orchestrator:problem:udesk-refused";
    public const string UdeskUnavailable = "urn:orchestrator:problem:udesk-unavailable";
    public const string Busy = "urn:orchestrator:problem:busy";
    public const string UnknownTenantType = "urn:orchestrator:problem:unknown-tenant";
    public const string BadSignature = "urn:orchestrator:problem:bad-signature";
    public const string UnknownDeadLetterType = "urn:orchestrator:problem:unknown-dead-letter";
    public const string TooManyRequests = "urn:orchestrator:problem:rate-limited";
    public const string UnknownVerifyJobType = "urn:orchestrator:problem:unknown-verify-job";

    /// <summary>Bad input: the offending field named, nothing changed.</summary>
    public static ProblemDetails Invalid(string field, string detail) =>
        new()
        {
            Type = InvalidInput,
            Title = "The request is invalid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = detail,
            Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } },
        };

    public static ProblemDetails Unauthorized(string detail) => Problem(Unauthenticated, "Authentication required.", StatusCodes.Status401Unauthorized, detail);

    public static ProblemDetails Forbidden(string detail) => Problem(NotAllowed, "Not allowed.", StatusCodes.Status403Forbidden, detail);

    public static ProblemDetails NotFound(string detail) => Problem(UnknownConversation, "No such conversation.", StatusCodes.Status404NotFound, detail);

    public static ProblemDetails Conflict(string detail) => Problem(StateConflict, "Not possible in the conversation's current state.", StatusCodes.Status409Conflict, detail);

    public static ProblemDetails TooLarge(long limit) => Problem(BodyTooLarge, "The body is too large.", StatusCodes.Status413PayloadTooLarge, $"At most {limit} bytes are accepted.");

    public static ProblemDetails Unavailable(string detail) => Problem(Busy, "Try again.", StatusCodes.Status503ServiceUnavailable, detail);

    public static ProblemDetails UnknownDeadLetter(string detail) => Problem(UnknownDeadLetterType, "No such dead letter.", StatusCodes.Status404NotFound, detail);

    public static ProblemDetails UnknownVerifyJob(string detail) => Problem(UnknownVerifyJobType, "No such verify job.", StatusCodes.Status404NotFound, detail);

    public static ProblemDetails UnknownTenant(string detail) => Problem(UnknownTenantType, "No such tenant.", StatusCodes.Status404NotFound, detail);

    /// <summary>A Udesk-signed request whose signature is wrong or expired.</summary>
    public static ProblemDetails SignatureRejected(string detail) => Problem(BadSignature, "The signature is invalid or expired.", StatusCodes.Status403Forbidden, detail);

    /// <summary>The company's Udesk call budget has no room now; <c>retry_after_seconds</c> (and the Retry-After header) say when it may.</summary>
    public static ProblemDetails BudgetRefused(int retryAfterSeconds) =>
        new()
        {
            Type = BudgetExhausted,
            Title = "Udesk's call budget is exhausted.",
            Status = StatusCodes.Status429TooManyRequests,
            Detail = $"The company's Udesk call budget has no room now; retry in {retryAfterSeconds} s.",
            Extensions = { ["retry_after_seconds"] = retryAfterSeconds },
        };

    /// <summary>This API key made more requests than <c>Orchestrator:RateLimit</c> allows; <c>retry_after_seconds</c> says when it may again.</summary>
    public static ProblemDetails RateLimited(int retryAfterSeconds) =>
        new()
        {
            Type = TooManyRequests,
            Title = "Too many requests for this API key.",
            Status = StatusCodes.Status429TooManyRequests,
            Detail = $"This API key is over its request rate; retry in {retryAfterSeconds} s.",
            Extensions = { ["retry_after_seconds"] = retryAfterSeconds },
        };

    /// <summary>A Udesk failure: refusals carry Udesk's code; rate limits are 429, transport trouble 503.</summary>
    public static ProblemDetails FromUdesk(UdeskError error)
    {
        var problem = error.Kind switch
        {
            UdeskErrorKind.RateLimited => Problem(BudgetExhausted, "Udesk's call budget is exhausted.", StatusCodes.Status429TooManyRequests, error.Message),
            UdeskErrorKind.Transport => Problem(UdeskUnavailable, "Udesk could not be reached.", StatusCodes.Status503ServiceUnavailable, error.Message),
            UdeskErrorKind.InvalidRequest => Invalid("body", error.Message),
            _ => Problem(UdeskRefused, "Udesk refused the request.", StatusCodes.Status502BadGateway, error.Message),
        };
        if (error.Code is { } code)
        {
            problem.Extensions["udesk_code"] = code;
        }

        return problem;
    }

    public static IResult Result(ProblemDetails problem) => Results.Problem(problem);

    public static Task Write(HttpContext context, ProblemDetails problem) => Results.Problem(problem).ExecuteAsync(context);

    private static ProblemDetails Problem(string type, string title, int status, string detail) =>
        new() { Type = type, Title = title, Status = status, Detail = detail };
}
