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

namespace Orchestrator.Host.Webhook;

/// <summary>
/// Udesk's Receiving Message URL. A batch is answered 200 (empty body) only once its events are persisted; past
/// <see cref="OrchestratorOptions.PushPersistTimeout"/> it is answered 503 so Udesk delivers it again, and the
/// conversation drops what it already has by <c>message_id</c>.
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
        string tenant, string secret, HttpRequest request, TenantDirectory tenants, ConversationClient conversations, IOptions<OrchestratorOptions> options, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (!tenants.IsPushSecret(tenant, secret))
        {
            return Results.NotFound();
        }

        var limit = options.Value.PushBodyLimitBytes;
        var body = await BodyReader.ReadAsync(request, limit, ct);
        if (body is null)
        {
            return Problems.Result(Problems.TooLarge(limit));
        }

        var parsed = UdeskPushParser.Parse(body.Value);
        if (!parsed.IsSuccess)
        {
            return Problems.Result(Problems.Invalid("body", parsed.Error!.Message));
        }

        var timeout = options.Value.PushPersistTimeout;
        var reply = parsed.Value switch
        {
            ReplyNotification batch => await conversations.Ask(
                new ApplyPush(new ConversationId(tenant, batch.CustomerToken), batch.AssignType, batch.Messages.Select(m => m.Raw).ToList(), time.GetUtcNow() + timeout), timeout, ct),
            ReadStatusNotification read => await conversations.Route(new SessionIndexMessages.RouteReadReceipt(tenant, read.SessionId, read.MessageIds), timeout, ct),
            _ => throw new InvalidOperationException($"Unexpected push {parsed.Value!.GetType().Name}."),
        };
        if (parsed.Value is ReadStatusNotification unknown && reply is Rejected noOwner)
        {
            // A read receipt for a session no conversation of ours owns: delivering it again cannot help.
            logs.CreateLogger(typeof(UdeskPushEndpoint)).LogWarning("Read-status push for session {SessionId} of {Tenant} dropped: {Detail}", unknown.SessionId, tenant, noOwner.Detail);
            return Results.Ok();
        }

        return reply switch
        {
            Accepted or AlreadyAccepted => Results.Ok(),
            Rejected { Reason: not RejectionReason.TooLate } rejected => Problems.Result(Problems.Invalid("body", rejected.Detail)),
            _ => Problems.Result(Problems.Unavailable("The push could not be persisted in time; deliver it again.")),
        };
    }
}
