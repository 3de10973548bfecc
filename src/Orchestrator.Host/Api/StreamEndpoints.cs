using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;
using Orchestrator.Host.Api.Contracts;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Tenancy;

namespace Orchestrator.Host.Api;

/// <summary>
/// Live Server-Sent Events: one conversation (<c>/v1/conversations/{token}/stream</c>, resumed by event id) or all of
/// a tenant's conversations on one connection (<c>/v1/events/stream</c>, resumed by journal offset); a
/// <c>heartbeat</c> event whenever a stream has been quiet for <see cref="OrchestratorOptions.StreamHeartbeatInterval"/>.
/// A stream ends when the service begins to stop (<see cref="ServiceStopping"/>); the client reconnects elsewhere.
/// </summary>
internal static class StreamEndpoints
{
    public static RouteGroupBuilder MapStreamEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/conversations/{token}/stream", FollowConversation)
            .WithTags("Conversations")
            .Describe("Stream events", "The conversation's events as Server-Sent Events: each SSE `event` is the event's `type`, its `id` the `event_id`, its `data` one event as JSON (the `FeedEventView` schema). Reconnect with `Last-Event-ID` (or `after=` a `seq`) to continue exactly where the stream stopped; `include=internal` adds agent-only and bookkeeping events. A `heartbeat` event (no data, no id) keeps a quiet stream open; the stream ends when the node stops, and the client reconnects.")
            .ProducesEventStream()
            .ProducesProblems(400);
        v1.MapGet("/events/stream", FollowTenant)
            .WithTags("Events")
            .Describe("Stream all events", "Every conversation's events of the tenant as Server-Sent Events on one connection: each SSE `data` is one event as JSON (the `FeedEventView` schema, `customer_token` naming its conversation), its `id` a journal offset to resume from with `Last-Event-ID` (or `after=`). `include=internal` and `heartbeat` events as for one conversation's stream.")
            .ProducesEventStream()
            .ProducesProblems(400);
        return v1;
    }

    private static IResult FollowConversation(
        string token, ClaimsPrincipal user, HttpContext http, IHostApplicationLifetime lifetime, ConversationFeed feed, IOptions<OrchestratorOptions> options, TimeProvider time,
        long? after = null, string? include = null)
    {
        var request = http.Request;
        var resumeAt = after ?? ResumePoint(request, fromEventId: true);
        var invalid = RequestValidation.Token(token) ?? Validate(resumeAt, include);
        if (invalid is not null)
        {
            return invalid;
        }

        var tenant = user.Tenant();
        var ct = http.AbortedOrStopping(lifetime);
        var items = Items(feed.Follow(new ConversationId(tenant, token), resumeAt ?? 0, ct), tenant, token, include == "internal", ct);
        return TypedResults.ServerSentEvents(items.WithHeartbeats(options.Value.StreamHeartbeatInterval, time, ct).EndingWhenStopping(lifetime));

        static async IAsyncEnumerable<SseItem<FeedEventView>> Items(
            IAsyncEnumerable<FeedEntry> entries, string tenant, string token, bool includeInternal, [EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var entry in entries.WithCancellation(ct))
            {
                if (includeInternal || !entry.Internal)
                {
                    var view = FeedEventView.Of(tenant, token, entry);
                    yield return new SseItem<FeedEventView>(view, view.Type) { EventId = view.EventId };
                }
            }
        }
    }

    private static IResult FollowTenant(
        ClaimsPrincipal user, HttpContext http, IHostApplicationLifetime lifetime, ConversationFeed feed, IOptions<OrchestratorOptions> options, TimeProvider time,
        long? after = null, string? include = null)
    {
        var request = http.Request;
        var resumeAt = after ?? ResumePoint(request, fromEventId: false);
        if (Validate(resumeAt, include) is { } invalid)
        {
            return invalid;
        }

        var tenant = user.Tenant();
        var ct = http.AbortedOrStopping(lifetime);
        var items = Items(feed.FollowTenant(tenant, resumeAt ?? 0, ct), tenant, include == "internal", ct);
        return TypedResults.ServerSentEvents(items.WithHeartbeats(options.Value.StreamHeartbeatInterval, time, ct).EndingWhenStopping(lifetime));

        static async IAsyncEnumerable<SseItem<FeedEventView>> Items(
            IAsyncEnumerable<TenantFeedEntry> entries, string tenant, bool includeInternal, [EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var item in entries.WithCancellation(ct))
            {
                if (includeInternal || !item.Entry.Internal)
                {
                    var view = FeedEventView.Of(tenant, item.Conversation.CustomerToken, item.Entry);
                    yield return new SseItem<FeedEventView>(view, view.Type) { EventId = item.Offset.ToString(CultureInfo.InvariantCulture) };
                }
            }
        }
    }

    /// <summary>
    /// Where a reconnecting client left off, from <c>Last-Event-ID</c>: a conversation stream's ids are
    /// <c>tenant/token/seq</c>, the tenant stream's are offsets. -1 marks an id that is neither.
    /// </summary>
    private static long? ResumePoint(HttpRequest request, bool fromEventId)
    {
        var last = request.Headers["Last-Event-ID"].ToString();
        if (string.IsNullOrEmpty(last))
        {
            return null;
        }

        var number = fromEventId ? last[(last.LastIndexOf('/') + 1)..] : last;
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
    }

    private static IResult? Validate(long? resumeAt, string? include) =>
        resumeAt < 0 ? Problems.Result(Problems.Invalid("Last-Event-ID", "Last-Event-ID (or after) must be an event id this stream sent."))
        : RequestValidation.Include(include);
}
