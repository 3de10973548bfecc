using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.RateLimiting;

/// <summary>
/// Udesk's limits as sliding windows, keyed per company or per session. Only accepted calls take a permit,
/// so a caller that backs off recovers; every refusal is kept as a <see cref="RateLimitViolation"/>.
/// </summary>
public sealed class RateLimiter
{
    private readonly Lock gate = new();
    private readonly Dictionary<(RateLimit, string), SlidingWindow> windows = [];
    private readonly List<RateLimitViolation> violations = [];
    private readonly SimulatorOptions options;
    private readonly TimeProvider time;

    public RateLimiter(IOptions<SimulatorOptions> options, TimeProvider time)
    {
        this.options = options.Value;
        this.time = time;
    }

    public IReadOnlyList<RateLimitViolation> Violations
    {
        get
        {
            lock (gate)
            {
                return violations.ToList();
            }
        }
    }

    public int ViolationCount(RateLimit limit)
    {
        lock (gate)
        {
            return violations.Count(v => v.Limit == limit);
        }
    }

    /// <summary>Takes a permit of <paramref name="limit"/> for <paramref name="key"/>, or records a violation.</summary>
    internal bool TryAcquire(RateLimit limit, string key, string path, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!windows.TryGetValue((limit, key), out var window))
            {
                window = limit switch
                {
                    RateLimit.CompanyBudget => new SlidingWindow(options.CompanyCallsPerMinute, TimeSpan.FromMinutes(1)),
                    RateLimit.Preview => new SlidingWindow(options.PreviewsPerSecond, TimeSpan.FromSeconds(1)),
                    _ => new SlidingWindow(1, options.StructuredMessageInterval),
                };
                windows.Add((limit, key), window);
            }

            if (window.TryAcquire(now, out retryAfter))
            {
                return true;
            }

            violations.Add(new RateLimitViolation(now, limit, key, path));
            return false;
        }
    }

    internal void Reset()
    {
        lock (gate)
        {
            windows.Clear();
            violations.Clear();
        }
    }
}
