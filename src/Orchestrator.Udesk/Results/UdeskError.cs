namespace Orchestrator.Udesk.Results;

/// <summary>
/// Why a call to Udesk did not succeed. <see cref="Code"/> is Udesk's business code where it sent one;
/// <see cref="RetryAfter"/> is how long Udesk asked callers to wait (its <c>Retry-After</c>), where it said.
/// <see cref="MayHaveExecuted"/>: the request may have reached Udesk and done its work though no answer came back
/// (a time-out, a 5xx), so repeating a call that is not idempotent could do it twice.
/// </summary>
public sealed record UdeskError(
    UdeskErrorKind Kind, string Message, int? Code = null, int? HttpStatus = null, TimeSpan? RetryAfter = null, bool MayHaveExecuted = false)
{
    /// <summary>Whether the same call may succeed later (transport trouble, rate limits), as opposed to a refusal.</summary>
    public bool IsTransient => Kind is UdeskErrorKind.Transport or UdeskErrorKind.RateLimited;

    public override string ToString() => Code is { } code
        ? $"{Kind} {code}: {Message}"
        : HttpStatus is { } status ? $"{Kind} (HTTP {status}): {Message}" : $"{Kind}: {Message}";
}
