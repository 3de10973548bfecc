using System.Globalization;

namespace Orchestrator.Host.Api.Gate;

/// <summary>429 with a <c>Retry-After</c> header (whole seconds, rounded up) and a problem saying the same.</summary>
public sealed class RetryAfterResult(int seconds) : IResult
{
    public int RetryAfterSeconds { get; } = seconds;

    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Result(Problems.BudgetRefused(RetryAfterSeconds)).ExecuteAsync(httpContext);
    }
}
