using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Orchestrator.Host.Api;
using Orchestrator.Host.Api.Audit;
using Orchestrator.Host.Api.Udesk;
using Orchestrator.Host.Api.Webhooks;
using Orchestrator.Host.Operations;
using Orchestrator.Host.Tenancy;
using Orchestrator.Host.Api.UdeskPush;

namespace Orchestrator.Host.Hosting;

/// <summary>Every route the service answers.</summary>
internal static class OrchestratorEndpoints
{
    public static WebApplication MapOrchestrator(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiBodyLimit();
        app.UseAuthentication();
        app.UseCallerLogScope();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseApiJsonLimits();

        var management = app.MapManagementGroup();
        management.MapOpenApi("/openapi/{documentName}.json");
        management.MapScalarApiReference();
        management.MapPrometheusScrapingEndpoint("/metrics");
        management.MapClusterMembers();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessCheck.Tag) });
        app.MapHealthChecks("/startupz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(StartupCheck.Tag) });

        var v1 = app.MapGroup("/v1").RequireAuthorization().RequireRateLimiting(ApiKeyRateLimit.Policy);
        v1.MapConversationEndpoints();
        v1.MapFeedEndpoints();
        v1.MapStreamEndpoints();
        v1.MapDeliveryEndpoints();
        v1.MapQuarantineEndpoints();
        v1.MapAuditEndpoints();
        app.MapUdeskRoutes(v1);
        app.MapUdeskPushEndpoint();
        return app;
    }
}
