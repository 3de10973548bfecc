using System.Security.Claims;
using System.Text;
using Orchestrator.Conversations.Quarantine;
using Orchestrator.Host.Tenancy;
using Orchestrator.Host.Api.UdeskPush;
using Orchestrator.Host.Api.OpenApi;

namespace Orchestrator.Host.Api.Udesk;

/// <summary><c>GET /v1/udesk/pushes/quarantined</c>: push bodies Udesk sent that named no conversation, kept byte for byte.</summary>
internal static class QuarantineEndpoints
{
    public const int MaxLimit = 500;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public static RouteGroupBuilder MapQuarantineEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/udesk/pushes/quarantined", List)
            .WithTags("Udesk")
            .Describe("List quarantined pushes", $"Push bodies Udesk sent that named no conversation (not JSON, no customer token, an unknown shape), kept byte for byte (`body_base64`, and `body_text` where it is UTF-8) with the reason, oldest first; page with `after=` (a quarantine id) and `limit=` (1 to {MaxLimit}), continuing with `after={{next_after}}`.")
            .Produces<QuarantinePageView>()
            .ProducesProblems(400);
        return v1;
    }

    private static async Task<IResult> List(ClaimsPrincipal user, PushQuarantineClient quarantine, CancellationToken ct, string? after = null, string? limit = null)
    {
        if (QueryValues.Page(after, limit, MaxLimit, "a quarantine id", out var afterId, out var pageSize) is { } invalid)
        {
            return invalid;
        }

        var entries = await quarantine.List(user.Tenant(), afterId, pageSize, AskTimeout, ct);
        var views = entries.Select(QuarantinedPushView.Of).ToList();
        return Results.Ok(new QuarantinePageView(views, views.Count > 0 ? views[^1].Id : afterId));
    }
}

/// <summary>A page of quarantined pushes; continue with <c>after={next_after}</c>.</summary>
public sealed record QuarantinePageView(IReadOnlyList<QuarantinedPushView> Pushes, long NextAfter);

/// <summary>
/// One quarantined push: the body exactly as received (<c>body_base64</c>), and as text where it is valid UTF-8.
/// </summary>
public sealed record QuarantinedPushView(long Id, DateTimeOffset At, string Reason, string? ContentType, string Sha256, string BodyBase64, string? BodyText)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static QuarantinedPushView Of(QuarantinedPush push) =>
        new(push.Id, push.At, push.Reason, push.ContentType, push.Digest, Convert.ToBase64String(push.Body), TextOf(push.Body));

    private static string? TextOf(byte[] body)
    {
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
