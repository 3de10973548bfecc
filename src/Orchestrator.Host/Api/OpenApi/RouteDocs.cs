using System.Globalization;
using Microsoft.OpenApi;

namespace Orchestrator.Host.Api.OpenApi;

/// <summary>
/// How a route describes itself in the OpenAPI document, so a platform can generate a client from it: a short
/// summary (the reference page's navigation title) with the detail in the description, every success body, and
/// every problem it can answer. <c>ApiDocumentTests</c> fails for a route that forgets one.
/// </summary>
internal static class RouteDocs
{
    /// <summary>A few words for the navigation (no sentence), and the whole story in <paramref name="description"/> (Markdown).</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder route, string summary, string description) =>
        route.WithSummary(summary).WithDescription(description);

    /// <summary>
    /// The problem details a route (or every route of a group) answers with: 400 as a validation problem, whose
    /// <c>errors</c> name the offending field; every other status as plain problem details.
    /// </summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder route, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            _ = status == StatusCodes.Status400BadRequest ? route.ProducesValidationProblem() : route.ProducesProblem(status);
        }

        return route;
    }

    /// <summary>
    /// A route answered by one Udesk call through the <see cref="Gate.UdeskCallGate"/>: Udesk's answer as
    /// <typeparamref name="T"/>, or 400 (bad input, or Udesk found it invalid), 429 (the company's call budget or
    /// Udesk itself; <c>Retry-After</c>), 502 (Udesk refused it; <c>udesk_code</c>), 503 (Udesk unreachable).
    /// </summary>
    public static RouteHandlerBuilder ProducesUdeskAnswer<T>(this RouteHandlerBuilder route, int status = StatusCodes.Status200OK) =>
        route.Produces<T>(status).ProducesProblems(
            StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);

    /// <summary>A Server-Sent Events stream: each event's <c>data</c> is one JSON object, described by the route.</summary>
    public static RouteHandlerBuilder ProducesEventStream(this RouteHandlerBuilder route) =>
        route.Produces<Stream>(StatusCodes.Status200OK, "text/event-stream");

    /// <summary>
    /// The <paramref name="status"/> answer also comes as text in each of <paramref name="contentTypes"/> (chosen by
    /// a query parameter): ApiExplorer keeps one body type per status, so the text forms are added to the operation.
    /// </summary>
    public static RouteHandlerBuilder AlsoProducesText(this RouteHandlerBuilder route, int status, params string[] contentTypes) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var content = operation.Responses![status.ToString(CultureInfo.InvariantCulture)].Content!;
            foreach (var contentType in contentTypes)
            {
                content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });
}
