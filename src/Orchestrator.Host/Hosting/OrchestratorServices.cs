using Orchestrator.Conversations.Telemetry;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orchestrator.Host.Api;
using Orchestrator.Host.Api.Gate;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Conversations;
using Orchestrator.Host.Webhook;
using Orchestrator.Host.Delivery;
using Orchestrator.Host.Operations;
using Orchestrator.Host.StructPage;
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
        services.AddSingleton<ConversationClient>();
        services.AddSingleton<PushQuarantineClient>();
        services.AddSingleton(sp => new Orchestrator.Conversations.Feed.ConversationFeed(sp.GetRequiredService<Akka.Actor.ActorSystem>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<UdeskCallGate>();
        services.AddSingleton<StructPageTenants>();
        services.AddWebhookDelivery(options.Tenants);
        services.AddOrchestratorActors(configuration, options.Tenants);

        services.AddAuthentication(ApiKeyAuthentication.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization();
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblems>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddCheck<ReadinessCheck>("cluster-journal-region", tags: [ReadinessCheck.Tag]);
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(OrchestratorMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddPrometheusExporter())
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        return builder;
    }
}

/// <summary>Checks across sections that data annotations cannot express.</summary>
internal sealed class OrchestratorOptionsValidator : IValidateOptions<OrchestratorOptions>
{
    public const string NoTenant =
        "No tenant is configured (is an environment variable name misspelt?). Configure each Udesk company under "
        + "Orchestrator:Tenants:{name}: Orchestrator:Tenants:{name}:ApiKeys:0, Orchestrator:Tenants:{name}:PushSecret, "
        + "Orchestrator:Tenants:{name}:Udesk:BaseUrl, Orchestrator:Tenants:{name}:Udesk:Email, Orchestrator:Tenants:{name}:Udesk:ApiToken, "
        + "Orchestrator:Tenants:{name}:Udesk:StructuredMessageKey. To try the service against the built-in simulator instead, "
        + "set Orchestrator:Demo:Enabled=true (or pass --demo).";

    public ValidateOptionsResult Validate(string? name, OrchestratorOptions options)
    {
        var failures = new List<string>();
        if (options.Tenants.Count == 0)
        {
            failures.Add(NoTenant);
        }

        foreach (var (tenant, settings) in options.Tenants)
        {
            if (settings.ApiKeys.Count == 0 || settings.ApiKeys.Any(k => k.Length < 16))
            {
                failures.Add($"Orchestrator:Tenants:{tenant}:ApiKeys needs at least one key of 16 or more characters.");
            }

            if (settings.PushSecret.Length < 16)
            {
                failures.Add($"Orchestrator:Tenants:{tenant}:PushSecret needs 16 or more characters.");
            }

            var templates = settings.StructuredMessages;
            for (var i = 0; i < templates.Count; i++)
            {
                failures.AddRange(templates[i].Problems($"Orchestrator:Tenants:{tenant}:StructuredMessages:{i}"));
            }

            if (settings.Webhook is { } webhook)
            {
                failures.AddRange(webhook.Problems($"Orchestrator:Tenants:{tenant}:Webhook"));
            }

            failures.AddRange(templates.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"Orchestrator:Tenants:{tenant}:StructuredMessages has several templates named '{g.Key}'; names are unique."));
        }

        var shared = options.Tenants.SelectMany(t => t.Value.ApiKeys.Select(k => (Key: k, Tenant: t.Key))).GroupBy(p => p.Key).Where(g => g.Count() > 1);
        failures.AddRange(shared.Select(g => $"An API key is configured for several tenants ({string.Join(", ", g.Select(p => p.Tenant))}); each key belongs to one tenant."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
