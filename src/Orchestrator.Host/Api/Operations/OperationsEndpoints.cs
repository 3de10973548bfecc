using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Host.Operations;

namespace Orchestrator.Host.Api.Operations;

/// <summary>
/// The operators' routes: the probes Kubernetes asks, and behind the management port or key the metrics, the API
/// description and reference, and the cluster's members.
/// </summary>
internal static class OperationsEndpoints
{
    public static WebApplication MapOperationsEndpoints(this WebApplication app)
    {
        var management = app.MapManagementGroup();
        management.MapOpenApi("/openapi/{documentName}.json");
        management.MapScalarApiReference(reference => reference.WithTitle(ApiDocumentInfo.Title));
        management.MapPrometheusScrapingEndpoint("/metrics");
        management.MapClusterMembers();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessCheck.Tag) });
        app.MapHealthChecks("/startupz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(StartupCheck.Tag) });
        return app;
    }
}
