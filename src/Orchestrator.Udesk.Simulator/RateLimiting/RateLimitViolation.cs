namespace Orchestrator.Udesk.Simulator.RateLimiting;

/// <summary>A call refused because it broke <see cref="Limit"/>; <see cref="Key"/> is the session for per-session limits.</summary>
public sealed record RateLimitViolation(DateTimeOffset At, RateLimit Limit, string Key, string Path);
