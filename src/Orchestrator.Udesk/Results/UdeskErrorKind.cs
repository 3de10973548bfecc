namespace Orchestrator.Udesk.Results;

public enum UdeskErrorKind
{
    /// <summary>Udesk answered with a business code other than success: retrying will not help.</summary>
    Business,

    /// <summary>No usable answer: network failure, time-out, HTTP 5xx, open circuit. Worth retrying later.</summary>
    Transport,

    /// <summary>HTTP 429 after the retries were spent. Worth retrying later, slower.</summary>
    RateLimited,

    /// <summary>Udesk sent (an answer or a push) something that is not JSON of the expected shape.</summary>
    InvalidResponse,

    /// <summary>The request was refused before sending: a required field is missing or malformed.</summary>
    InvalidRequest,
}
