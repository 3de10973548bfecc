using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Host.Api;
using Orchestrator.Host.Api.Gate;
using Orchestrator.Host.Configuration;
using Orchestrator.Udesk.StructuredMessages;

namespace Orchestrator.Host.Api.StructPage;

/// <summary>
/// The "Embedded Link" of Udesk's structured messages (<c>/udesk/{tenant}/struct-page</c>, unauthenticated like the
/// push webhook): Udesk opens it in the agent's IM console with signed parameters; it lists the tenant's
/// <see cref="TenantOptions.StructuredMessages"/>, and its form sends the chosen one into the session.
/// </summary>
internal static class StructPageEndpoints
{
    private const int MaxFormBytes = 16 * 1024;
    private const string SecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; form-action 'self'; base-uri 'none'";

    public static IEndpointRouteBuilder MapStructPageEndpoints(this IEndpointRouteBuilder app)
    {
        // Udesk's agent console opens it, not a platform: not part of the platform's API contract.
        var page = app.MapGroup("/udesk/{tenant}/struct-page").ExcludeFromDescription();
        page.MapGet("/", List)
            .WithSummary("Udesk's embedded structured-message list page: checks the signed parameters, then lists the tenant's templates.");
        page.MapPost("/send", Send)
            .WithSummary("The list page's form: checks the signed parameters again and sends the chosen template into the session.")
            .DisableAntiforgery();
        return app;
    }

    private static IResult List(string tenant, HttpRequest request, HttpResponse response, StructPageTenants tenants)
    {
        if (tenants.Find(tenant, out var settings) is { } unknown)
        {
            return unknown;
        }

        if (tenants.Verify(settings!, name => request.Query[name].FirstOrDefault(), out var signature) is { } rejected)
        {
            return rejected;
        }

        return Page(response, StructPageHtml.List(settings!.Templates, signature!, $"{request.PathBase}/udesk/{Uri.EscapeDataString(tenant)}/struct-page/send"));
    }

    private static async Task<IResult> Send(string tenant, HttpRequest request, HttpResponse response, StructPageTenants tenants, UdeskCallGate gate, CancellationToken ct)
    {
        if (tenants.Find(tenant, out var settings) is { } unknown)
        {
            return unknown;
        }

        if (request.ContentLength > MaxFormBytes)
        {
            return Problems.Result(Problems.TooLarge(MaxFormBytes));
        }

        if (!request.HasFormContentType)
        {
            return Problems.Result(Problems.Invalid("body", "Post the page's form (application/x-www-form-urlencoded)."));
        }

        var form = await request.ReadFormAsync(ct);
        if (tenants.Verify(settings!, name => form[name].FirstOrDefault(), out var signature) is { } rejected)
        {
            return rejected;
        }

        var name = form["template"].FirstOrDefault();
        if (settings!.Templates.FirstOrDefault(t => t.Name == name) is not { } template)
        {
            return Problems.Result(Problems.Invalid("template", "template must name one of the tenant's structured messages."));
        }

        var sent = await gate.InvokeAsync(
            tenant,
            CallPriority.Session,
            CallLane.StructuredMessage,
            (udesk, c) => udesk.SendStructuredMessageAsync(
                new StructuredMessageRequest(signature!.SessionId, signature.Customer, signature.Agent, template.ToUdesk()) { JidResource = signature.JidResource }, c),
            ct);
        var back = $"{request.PathBase}/udesk/{Uri.EscapeDataString(tenant)}/struct-page{signature!.ToQuery()}";
        return sent.ToHttp(_ => Page(response, StructPageHtml.Sent(template, back)));
    }

    private static IResult Page(HttpResponse response, string html)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = SecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
