namespace Orchestrator.Udesk.Results;

/// <summary>
/// Why a call to Udesk did not succeed. <see cref="Code"/> is Udesk's business code where it sent one;
/// <see cref="RetryAfter"/> is how long Udesk asked callers to wait (its <c>Retry-After</c>), where it said.
/// </summary>
public sealed record UdeskError(UdeskErrorKind Kind, string Message, int? Code = null, int? HttpStatus = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Whether the same call may succeed later (transport trouble, rate limits), as opposed to a refusal.</summary>
    public bool IsTransient => Kind is UdeskErrorKind.Transport or UdeskErrorKind.RateLimited;

    public override string ToString() => Code is { } code
        ? $"{Kind} {code}: {Message}"
        : HttpStatus is { } status ? $"{Kind} (HTTP {status}): {Message}" : $"{Kind}: {Message}";
}
