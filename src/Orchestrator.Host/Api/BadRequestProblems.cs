using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Orchestrator.Host.Api;

/// <summary>
/// Requests the framework cannot bind (a JSON value of the wrong type, broken JSON, a malformed route or query value)
/// become 400 problems naming the offending field, instead of an anonymous "bad request". Needs
/// <c>RouteHandlerOptions.ThrowOnBadRequest</c> so binding failures reach the exception handler.
/// </summary>
internal sealed class BadRequestProblems : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var problem = bad.InnerException is JsonException json
            ? Problems.Invalid(FieldOf(json.Path), $"The body is not valid JSON for this request: {json.Message}")
            : Problems.Invalid("request", bad.Message);
        problem.Status = bad.StatusCode;
        await Problems.Write(httpContext, problem);
        return true;
    }

    /// <summary><c>$.data.content</c> → <c>data.content</c>; the whole body when there is no path.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
