using Microsoft.Extensions.Options;
using Orchestrator.Host.Api;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Hosting;

/// <summary>
/// A platform request's JSON body (already capped by <see cref="ApiBodyLimit"/>) is checked for depth and string
/// length before anything binds it, once the request is authorized and within its rate; past either, 400 naming
/// the field. Responses are not limited.
/// </summary>
internal static class ApiJsonLimits
{
    public static IApplicationBuilder UseApiJsonLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments("/v1") || !request.HasJsonContentType())
            {
                await next(context);
                return;
            }

            var options = context.RequestServices.GetRequiredService<IOptions<OrchestratorOptions>>().Value;
            request.EnableBuffering();
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            request.Body.Position = 0;
            if (JsonShape.Problem(body.GetBuffer().AsSpan(0, (int)body.Length), options.ApiJsonMaxDepth, options.ApiJsonMaxStringBytes) is { } problem)
            {
                await Problems.Write(context, problem);
                return;
            }

            await next(context);
        });
}
