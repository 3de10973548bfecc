using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.Http;
using Polly;

namespace Orchestrator.Udesk.DependencyInjection;

public static class UdeskServiceCollectionExtensions
{
    public const string DefaultCompany = "default";

    /// <summary>Registers the client of one Udesk company, bound to a configuration section.</summary>
    public static IHttpClientBuilder AddUdeskClient(this IServiceCollection services, string company, IConfiguration section) =>
        services.AddUdeskClient(company, options => section.Bind(options));

    /// <summary>
    /// Registers the client of one Udesk company: validated settings (checked at start), an HttpClient whose
    /// pipeline is total time-out → jittered retry of connections that failed before anything was sent → circuit
    /// breaker → attempt time-out → signing, so each attempt is signed afresh. <see cref="IUdeskClient"/> resolves
    /// the <c>default</c> company.
    /// </summary>
    public static IHttpClientBuilder AddUdeskClient(this IServiceCollection services, string company, Action<UdeskOptions> configure)
    {
        services.AddOptions<UdeskOptions>(company).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UdeskOptions>, UdeskOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IUdeskClientFactory, UdeskClientFactory>();
        services.TryAddTransient(sp => sp.GetRequiredService<IUdeskClientFactory>().For(DefaultCompany));

        var builder = services.AddHttpClient(HttpClientName(company), (sp, http) =>
        {
            var baseUrl = sp.GetRequiredService<IOptionsMonitor<UdeskOptions>>().Get(company).BaseUrl!;
            // Relative paths resolve under the base only when it ends with a slash.
            http.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
            // Time-outs belong to the resilience pipeline.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });

        builder.AddResilienceHandler("udesk", (pipeline, context) =>
        {
            context.EnableReloads<UdeskOptions>(company);
            var resilience = context.ServiceProvider.GetRequiredService<IOptionsMonitor<UdeskOptions>>().Get(company).Resilience;
            pipeline
                .AddTimeout(resilience.TotalTimeout)
                .AddRetry(new HttpRetryStrategyOptions
                {
                    // Only a request that never reached Udesk: it had no effect and took no place in Udesk's budget.
                    // Anything else (time-out, 429, 5xx) goes back to the caller, who holds the permit for one
                    // attempt and knows whether repeating the call is safe.
                    ShouldHandle = args => ValueTask.FromResult(UdeskTransport.NeverReachedUdesk(args.Outcome.Exception)),
                    MaxRetryAttempts = resilience.MaxRetryAttempts,
                    Delay = resilience.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                })
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = resilience.BreakerFailureRatio,
                    MinimumThroughput = resilience.BreakerMinimumThroughput,
                    SamplingDuration = resilience.BreakerSamplingDuration,
                    BreakDuration = resilience.BreakerBreakDuration,
                })
                .AddTimeout(resilience.AttemptTimeout);
        });

        builder.AddHttpMessageHandler(sp => new UdeskSigningHandler(
            sp.GetRequiredService<IOptionsMonitor<UdeskOptions>>().Get(company),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    internal static string HttpClientName(string company) => $"udesk:{company}";
}
