using Orchestrator.Host.Api;
using Orchestrator.Host.Api.Audit;
using Orchestrator.Host.Api.Console;
using Orchestrator.Host.Api.Customers;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Host.Api.Operations;
using Orchestrator.Host.Api.Udesk;
using Orchestrator.Host.Api.UdeskPush;
using Orchestrator.Host.Api.Webhooks;
using Orchestrator.Host.Tenancy;

namespace Orchestrator.Host.Hosting;

/// <summary>The request pipeline and every route group the service answers, each mapped by its own file under <c>Api/</c>.</summary>
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

        app.MapOperationsEndpoints();
        app.MapConsole();

        var v1 = app.MapGroup("/v1").RequireAuthorization().RequireRateLimiting(ApiKeyRateLimit.Policy)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        v1.MapConversationEndpoints();
        v1.MapFeedEndpoints();
        v1.MapStreamEndpoints();
        v1.MapDeliveryEndpoints();
        v1.MapQuarantineEndpoints();
        v1.MapAuditEndpoints();
        v1.MapErasureLedgerEndpoints();
        v1.MapCustomerDataEndpoints();
        app.MapUdeskRoutes(v1);
        app.MapUdeskPushEndpoint();
        return app;
    }
}
