using System.Security.Claims;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;
using Orchestrator.Host.Api.Contracts;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Host.Tenancy;

namespace Orchestrator.Host.Api;

/// <summary>
/// <c>GET /v1/conversations/{token}/events</c>: the conversation's events in sequence order, read from the journal,
/// with long-poll (<c>wait</c>) for a platform that has seen everything. A long-poll answers "nothing yet" at once when
/// the service begins to stop (<see cref="ServiceStopping"/>).
/// </summary>
internal static class FeedEndpoints
{
    public const int MaxLimit = 1000;
    public const int MaxWaitSeconds = 60;

    public static RouteGroupBuilder MapFeedEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/conversations/{token}/events", Read)
            .WithTags("Conversations")
            .Describe("Read events", $"The conversation's events after `after` (a `seq`), in order, at most `limit` (1 to {MaxLimit}); continue with `after={{next_after}}`. `wait` (0 to {MaxWaitSeconds} s) long-polls when there is nothing new yet. Agent-only and bookkeeping events (Udesk calls, late pushes, `unreadable_message`) are included only with `include=internal`. `event_id` (`tenant/token/seq`) is stable forever; Udesk's own payload is under `udesk`.")
            .Produces<FeedView>()
            .ProducesProblems(400);
        return v1;
    }

    private static async Task<IResult> Read(
        string token, ClaimsPrincipal user, ConversationFeed feed, HttpContext http, IHostApplicationLifetime lifetime,
        long after = 0, int limit = 100, int wait = 0, string? include = null)
    {
        var invalid = RequestValidation.Token(token)
            ?? (after < 0 ? Problems.Result(Problems.Invalid("after", "after must be 0 or a sequence number.")) : null)
            ?? (limit is < 1 or > MaxLimit ? Problems.Result(Problems.Invalid("limit", $"limit must be 1 to {MaxLimit}.")) : null)
            ?? (wait is < 0 or > MaxWaitSeconds ? Problems.Result(Problems.Invalid("wait", $"wait must be 0 to {MaxWaitSeconds} seconds.")) : null)
            ?? RequestValidation.Include(include);
        if (invalid is not null)
        {
            return invalid;
        }

        var tenant = user.Tenant();
        FeedPage page;
        try
        {
            page = await feed.ReadAsync(new ConversationId(tenant, token), after, limit, TimeSpan.FromSeconds(wait), http.AbortedOrStopping(lifetime));
        }
        catch (Exception e) when (e is OperationCanceledException or AggregateException { InnerException: OperationCanceledException }
            && lifetime.ApplicationStopping.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            // The service is stopping (a journal query stopped by its kill switch fails with the cancellation
            // wrapped): answer "nothing yet", and the next poll lands on another node.
            page = new FeedPage([], after);
        }

        var events = page.Entries
            .Where(entry => include == "internal" || !entry.Internal)
            .Select(entry => FeedEventView.Of(tenant, token, entry))
            .ToList();
        return Results.Ok(new FeedView(events, page.LastSeq));
    }
}
