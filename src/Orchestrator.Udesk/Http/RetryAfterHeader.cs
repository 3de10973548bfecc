using System.Net.Http.Headers;

namespace Orchestrator.Udesk.Http;

/// <summary>Reads an HTTP <c>Retry-After</c> header, whichever of its two forms the server chose.</summary>
public static class RetryAfterHeader
{
    /// <summary>The wait the header asks for, counted from <paramref name="now"/> when it names a date; never negative; null without one.</summary>
    public static TimeSpan? WaitFrom(this RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
