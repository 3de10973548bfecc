using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Udesk.Simulator.Control;
using Orchestrator.Udesk.Simulator.Endpoints;

namespace Orchestrator.Udesk.Simulator.Hosting;

public static class SimulatorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Open API under <c>open_api_v1/</c> and the control API under <c>_sim/</c>, relative to
    /// <paramref name="endpoints"/>: call it on <c>app.MapGroup("/udesk")</c> to mount the simulator under a prefix.
    /// </summary>
    public static IEndpointRouteBuilder MapUdeskSimulator(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var pipeline = services.GetRequiredService<OpenApiPipeline>();
        var openApi = endpoints.MapGroup("open_api_v1");
        services.GetRequiredService<SessionEndpoints>().Map(openApi, pipeline);
        services.GetRequiredService<MessageEndpoints>().Map(openApi, pipeline);
        services.GetRequiredService<RobotEndpoints>().Map(openApi, pipeline);
        services.GetRequiredService<SurveyEndpoints>().Map(openApi, pipeline);
        services.GetRequiredService<StatusEndpoints>().Map(openApi, pipeline);
        services.GetRequiredService<StructuredMessageEndpoints>().Map(openApi, pipeline);
        services.GetRequiredService<CustomerEndpoints>().Map(openApi, pipeline);
        services.GetRequiredService<LogInEndpoints>().Map(openApi, pipeline);
        pipeline.MapFallback(openApi);
        services.GetRequiredService<ControlEndpoints>().Map(endpoints.MapGroup("_sim"));
        return endpoints;
    }
}
