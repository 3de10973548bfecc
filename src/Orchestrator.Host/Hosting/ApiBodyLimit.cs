using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Hosting;

/// <summary>Platform requests get a much smaller body limit than Kestrel's 30 MB default; Kestrel answers 413 past it.</summary>
internal static class ApiBodyLimit
{
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/v1")
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = context.RequestServices.GetRequiredService<IOptions<OrchestratorOptions>>().Value.ApiBodyLimitBytes;
            }

            return next(context);
        });
}
