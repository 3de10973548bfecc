using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace Orchestrator.Host.Configuration;

/// <summary>How fast each platform API key may call (<c>Orchestrator:RateLimit</c>): a token bucket per tenant and key.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Orchestrator:RateLimit";

    /// <summary>Sustained requests per second per API key; fractions are allowed (0.5 is one every two seconds).</summary>
    [Range(0.001, 1_000_000)]
    public double PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a key may make at once after being quiet (the bucket's size).</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 200;

    /// <summary>
    /// The bucket refills continuously at <see cref="PermitsPerSecond"/>; a period of a whole number of tokens keeps
    /// fractional rates exact (2.5/s is 3 tokens per 1.2 s).
    /// </summary>
    public TokenBucketRateLimiterOptions TokenBucket()
    {
        var tokensPerPeriod = (int)Math.Ceiling(PermitsPerSecond);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / PermitsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
