using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Orchestrator.Host.Api;
using Orchestrator.Host.Api.Gate;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Tenancy;

/// <summary>
/// Each platform API key has its own token bucket (partitioned by tenant and key name), so one busy or leaked key
/// cannot starve the tenant's others; past it, 429 with <c>Retry-After</c>. Only the <c>/v1</c> routes carry the policy.
/// </summary>
internal static class ApiKeyRateLimit
{
    public const string Policy = "api-key";

    public static IServiceCollection AddApiKeyRateLimit(this IServiceCollection services, RateLimitOptions limits) =>
        services.AddRateLimiter(rate =>
        {
            rate.AddPolicy(Policy, context => context.User.ApiKeyName() is { } keyName
                ? RateLimitPartition.GetTokenBucketLimiter($"{context.User.Tenant()}/{keyName}", _ => limits.TokenBucket())
                : RateLimitPartition.GetNoLimiter(""));
            rate.OnRejected = (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? RetryAfterResult.Seconds(retryAfter) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(Problems.Write(rejected.HttpContext, Problems.RateLimited(seconds)));
            };
        });
}
