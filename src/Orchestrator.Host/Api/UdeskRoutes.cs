using Orchestrator.Host.Api.Conversations;
using Orchestrator.Host.Api.Customers;
using Orchestrator.Host.Api.Udesk;
using Orchestrator.Host.Api.StructPage;

namespace Orchestrator.Host.Api;

/// <summary>
/// The platform routes that call Udesk directly through the <see cref="Gate.UdeskCallGate"/> (customers, a
/// conversation's surveys, urobot clicks, status and structured messages, company-wide interfaces), and the
/// unauthenticated structured-message page Udesk embeds.
/// </summary>
internal static class UdeskRoutes
{
    public static WebApplication MapUdeskRoutes(this WebApplication app, RouteGroupBuilder v1)
    {
        v1.MapCustomerEndpoints();
        v1.MapGroup("/conversations/{token}").WithTags("Conversations")
            .MapSurveyEndpoints()
            .MapUrobotEndpoints()
            .MapCustomerStateEndpoints()
            .MapStructMessageEndpoints();
        v1.MapCompanyEndpoints();
        app.MapStructPageEndpoints();
        return app;
    }
}
