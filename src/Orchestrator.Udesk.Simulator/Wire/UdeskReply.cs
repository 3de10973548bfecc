using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Udesk.Simulator.Wire;

/// <summary>
/// An Open API answer: JSON with a business code (in <c>code</c>, or <c>status</c> for structured messages),
/// in an HTTP 200 unless the simulator is refusing at the HTTP level (429, injected 5xx).
/// </summary>
internal sealed class UdeskReply : IResult
{
    private UdeskReply(int code, JsonObject body, int httpStatus)
    {
        Code = code;
        Body = body;
        HttpStatus = httpStatus;
    }

    public int Code { get; }

    public JsonObject Body { get; }

    public int HttpStatus { get; }

    /// <summary>Seconds a rate-limited caller should wait, sent as <c>Retry-After</c>.</summary>
    public int? RetryAfterSeconds { get; private init; }

    /// <summary>Code 1000, then <paramref name="fields"/> in order.</summary>
    public static UdeskReply Success(params (string Name, JsonNode? Value)[] fields) => WithCode(UdeskCode.Success, fields);

    public static UdeskReply WithCode(int code, params (string Name, JsonNode? Value)[] fields)
    {
        var body = new JsonObject { ["code"] = code };
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        return new UdeskReply(code, body, StatusCodes.Status200OK);
    }

    public static UdeskReply Error(int code, string message) => WithCode(code, ("message", message));

    /// <summary>The structured-message endpoint says <c>status</c> where the others say <c>code</c>.</summary>
    public static UdeskReply Status(int code, string message) =>
        new(code, new JsonObject { ["status"] = code, ["message"] = message }, StatusCodes.Status200OK);

    public static UdeskReply TooManyRequests(string message, TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, new JsonObject { ["code"] = 429, ["message"] = message }, StatusCodes.Status429TooManyRequests)
        {
            RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)),
        };

    public static UdeskReply HttpFailure(int httpStatus, string message) =>
        new(httpStatus, new JsonObject { ["code"] = httpStatus, ["message"] = message }, httpStatus);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = HttpStatus;
        if (RetryAfterSeconds is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.ContentType = "application/json; charset=utf-8";
        return httpContext.Response.WriteAsync(Body.ToJsonString(SimulatorJson.Wire), httpContext.RequestAborted);
    }
}
