using Microsoft.Extensions.Options;
using Orchestrator.Conversations.Domain;
using Orchestrator.Host.Api;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Conversations;
using Orchestrator.Host.Tenancy;
using Orchestrator.Conversations.Sessions;
using Orchestrator.Udesk.Pushes;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Host.Api.UdeskPush;

/// <summary>
/// Udesk's Receiving Message URL. Udesk delivers again anything not answered 200, so a push is answered 200
/// (empty body) once everything in it is kept: readable messages applied, unreadable ones stored raw in their
/// conversation, a body naming no conversation stored raw in the tenant's quarantine. Past
/// <see cref="OrchestratorOptions.PushPersistTimeout"/> it is answered 503 so Udesk delivers it again, and the
/// conversation drops what it already has by <c>message_id</c>. docs/udesk-behaviour.md says why.
/// </summary>
internal static class UdeskPushEndpoint
{
    public static IEndpointRouteBuilder MapUdeskPushEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/udesk/{tenant}/push/{secret}", Receive)
            .WithTags("Udesk")
            .WithSummary("Udesk's Receiving Message URL: reply notifications (robot, urobot, agent) and read-status pushes.")
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Receive(
        string tenant, HttpRequest request, TenantDirectory tenants, ConversationClient conversations, PushQuarantineClient quarantine,
        IOptions<OrchestratorOptions> options, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<PushSecretFeature>() is not { } secret || !tenants.IsPushSecret(tenant, secret.Secret))
        {
            return Results.NotFound();
        }

        var limit = options.Value.PushBodyLimitBytes;
        var body = await BodyReader.ReadAsync(request, limit, ct);
        if (body is null)
        {
            return Problems.Result(Problems.TooLarge(limit));
        }

        var timeout = options.Value.PushPersistTimeout;
        var push = UdeskPushParser.Parse(body.Value);
        if (push is ReplyNotification { CustomerToken.Length: > RequestValidation.MaxTokenLength })
        {
            push = new UnattributablePush($"customer_token is longer than {RequestValidation.MaxTokenLength} characters: no conversation can have it.");
        }

        var log = logs.CreateLogger(typeof(UdeskPushEndpoint));
        var kept = push switch
        {
            ReplyNotification batch => await conversations.Ask(
                new ApplyPush(new ConversationId(tenant, batch.CustomerToken), batch.AssignType, PushedItems.From(batch), time.GetUtcNow() + timeout), timeout, ct) switch
            {
                Accepted or AlreadyAccepted => true,
                // Poison the conversation could not process: kept for operators rather than refused into Udesk's resend loop.
                Rejected { Reason: RejectionReason.Invalid } refused => await quarantine.Keep(tenant, $"The conversation refused it: {refused.Detail}", body.Value, request.ContentType, timeout, ct),
                _ => false,
            },
            ReadStatusNotification read => await conversations.Route(new SessionIndexMessages.RouteReadReceipt(tenant, read.SessionId, read.MessageIds), timeout, ct) switch
            {
                Accepted or AlreadyAccepted => true,
                // A read receipt for a session no conversation of ours owns: delivering it again cannot help.
                Rejected noOwner => LoggedAndDropped(log, tenant, read, noOwner),
                _ => false,
            },
            UnattributablePush unattributable => await quarantine.Keep(tenant, unattributable.Reason, body.Value, request.ContentType, timeout, ct),
            _ => false,
        };

        // Not kept in time: 503, Udesk delivers it again, and nothing already kept is kept twice.
        return kept ? Results.Ok() : Problems.Result(Problems.Unavailable("The push could not be persisted in time; deliver it again."));
    }

    private static bool LoggedAndDropped(ILogger log, string tenant, ReadStatusNotification read, Rejected noOwner)
    {
        log.LogWarning("Read-status push for session {SessionId} of {Tenant} dropped: {Detail}", read.SessionId, tenant, noOwner.Detail);
        return true;
    }
}
