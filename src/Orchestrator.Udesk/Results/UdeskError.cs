namespace Orchestrator.Udesk.Results;

/// <summary>Why a call to Udesk did not succeed. <see cref="Code"/> is Udesk's business code where it sent one.</summary>
public sealed record UdeskError(UdeskErrorKind Kind, string Message, int? Code = null, int? HttpStatus = null)
{
    /// <summary>Whether the same call may succeed later (transport trouble, rate limits), as opposed to a refusal.</summary>
    public bool IsTransient => Kind is UdeskErrorKind.Transport or UdeskErrorKind.RateLimited;

    public override string ToString() => Code is { } code
        ? $"{Kind} {code}: {Message}"
        : HttpStatus is { } status ? $"{Kind} (HTTP {status}): {Message}" : $"{Kind}: {Message}";
}
