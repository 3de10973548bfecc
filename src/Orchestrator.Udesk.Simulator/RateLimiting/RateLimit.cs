namespace Orchestrator.Udesk.Simulator.RateLimiting;

/// <summary>The limits Udesk enforces.</summary>
public enum RateLimit
{
    /// <summary>Open API calls per company per minute (60 by default).</summary>
    CompanyBudget,

    /// <summary>Message previews per session per second (3).</summary>
    Preview,

    /// <summary>Structured messages: one per 2 seconds.</summary>
    StructuredMessage,
}
