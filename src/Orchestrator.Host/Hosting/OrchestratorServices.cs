using Orchestrator.Conversations.Telemetry;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orchestrator.Host.Api;
using Orchestrator.Host.Api.Audit;
using Orchestrator.Host.Api.Console;
using Orchestrator.Host.Api.Gate;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Conversations;
using Orchestrator.Host.Api.UdeskPush;
using Orchestrator.Host.Delivery;
using Orchestrator.Host.Operations;
using Orchestrator.Host.Api.StructPage;
using Orchestrator.Host.Tenancy;
using Orchestrator.Udesk.DependencyInjection;

namespace Orchestrator.Host.Hosting;

/// <summary>Everything the service registers: settings, tenants and their Udesk clients, actors, API plumbing.</summary>
internal static class OrchestratorServices
{
    public static WebApplicationBuilder AddOrchestrator(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var options = ValidatedConfiguration.Bind(configuration, OrchestratorOptions.Section, new OrchestratorOptionsValidator());
        services.AddOptions<OrchestratorOptions>().BindConfiguration(OrchestratorOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        foreach (var tenant in options.Tenants.Keys)
        {
            services.AddUdeskClient(tenant, configuration.GetSection($"{OrchestratorOptions.Section}:Tenants:{tenant}:Udesk"));
        }

        services.AddSingleton(new TenantDirectory(options.Tenants));
        services.Replace(ServiceDescriptor.Singleton<IHttpContextFactory>(sp => new PushSecretRedaction(new DefaultHttpContextFactory(sp))));
        services.AddSingleton<ConversationClient>();
        services.AddSingleton<PushQuarantineClient>();
        services.AddSingleton(sp => new Orchestrator.Conversations.Feed.ConversationFeed(sp.GetRequiredService<Akka.Actor.ActorSystem>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<UdeskCallGate>();
        services.AddSingleton<StructPageTenants>();
        services.AddSingleton<ConsoleTenants>();
        services.AddWebhookDelivery(options.Tenants);
        services.AddOrchestratorActors(configuration, options.Tenants);
        services.AddAudit(configuration);

        services.AddAuthentication(ApiKeyAuthentication.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization();
        var management = ValidatedConfiguration.Bind<ManagementOptions>(configuration, ManagementOptions.Section);
        services.AddManagementAccess(management);
        services.AddConsoleAccess(management, ValidatedConfiguration.Bind<DemoOptions>(configuration, DemoOptions.Section));
        builder.ListenOnManagementPort(management);
        services.AddApiKeyRateLimit(ValidatedConfiguration.Bind<RateLimitOptions>(configuration, RateLimitOptions.Section));
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblems>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddApiDocument();
        services.AddOpenApi(ConsoleEndpoints.DocumentName, document => document.ShouldInclude = route => route.GroupName == ConsoleEndpoints.DocumentName);
        services.AddHealthChecks()
            .AddCheck<ReadinessCheck>("cluster-journal-region", tags: [ReadinessCheck.Tag], timeout: ReadinessCheck.Timeout)
            .AddCheck<StartupCheck>("joined-cluster", tags: [StartupCheck.Tag]);
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(OrchestratorMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddPrometheusExporter())
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        return builder;
    }
}
