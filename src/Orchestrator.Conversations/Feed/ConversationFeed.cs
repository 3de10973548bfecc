using System.Runtime.CompilerServices;
using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Conversations.Feed;

/// <summary>
/// Reads a conversation's events from the journal in sequence order, without waking its actor: the feed the
/// platform pages through, and waits on when it has seen everything.
/// </summary>
public sealed class ConversationFeed(ActorSystem system)
{
    /// <summary>How long after the first new event a waiting read collects more before answering.</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(100);

    private readonly SqlReadJournal journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
    private readonly IMaterializer materializer = system.Materializer(namePrefix: "conversation-feed");

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="after"/>; when there are none yet, waits up to
    /// <paramref name="wait"/> for the first to be persisted.
    /// </summary>
    public async Task<FeedPage> ReadAsync(ConversationId id, long after, int limit, TimeSpan wait, CancellationToken cancellationToken)
    {
        var current = await Collect(journal.CurrentEventsByPersistenceId(id.PersistenceId, after + 1, long.MaxValue).Take(limit), cancellationToken);
        if (current.Count > 0 || wait <= TimeSpan.Zero)
        {
            return new FeedPage(current, current.Count > 0 ? current[^1].Seq : after);
        }

        var live = journal.EventsByPersistenceId(id.PersistenceId, after + 1, long.MaxValue)
            .GroupedWithin(limit, Linger)
            .Take(1)
            .SelectMany(group => group)
            .TakeWithin(wait);
        var arrived = await Collect(live, cancellationToken);
        return new FeedPage(arrived, arrived.Count > 0 ? arrived[^1].Seq : after);
    }

    /// <summary>Every event after <paramref name="after"/>, then each new one as it is persisted, until cancelled.</summary>
    public IAsyncEnumerable<FeedEntry> Follow(ConversationId id, long after, CancellationToken cancellationToken) =>
        Enumerate(
            journal.EventsByPersistenceId(id.PersistenceId, after + 1, long.MaxValue)
                .Select(envelope => FeedProjection.Of((ConversationEvents.Event)envelope.Event)),
            cancellationToken);

    /// <summary>
    /// Every conversation event of <paramref name="tenant"/> after the journal position <paramref name="afterOffset"/>,
    /// then each new one, until cancelled. The offset is global to the journal (the tag query answers the same
    /// ordering as a read of all events): a resume point for one stream of all a tenant's conversations. Read by the
    /// tenant's tag, so its cost follows this tenant's events only.
    /// </summary>
    public IAsyncEnumerable<TenantFeedEntry> FollowTenant(string tenant, long afterOffset, CancellationToken cancellationToken) =>
        Enumerate(
            journal.EventsByTag(JournalTags.Tenant(tenant), Offset.Sequence(afterOffset))
                .Select(envelope => new TenantFeedEntry(
                    ((Sequence)envelope.Offset).Value,
                    ConversationId.FromPersistenceId(envelope.PersistenceId),
                    FeedProjection.Of((ConversationEvents.Event)envelope.Event))),
            cancellationToken);

    /// <summary>The stream as an async sequence; cancelling (or leaving the loop) stops the query.</summary>
    private async IAsyncEnumerable<T> Enumerate<T>(Source<T, NotUsed> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in source.RunAsAsyncEnumerable(materializer).WithCancellation(cancellationToken))
        {
            yield return item;
        }
    }

    private Task<IReadOnlyList<FeedEntry>> Collect(Source<EventEnvelope, NotUsed> source, CancellationToken cancellationToken) =>
        source.Select(envelope => FeedProjection.Of((ConversationEvents.Event)envelope.Event)).CollectAsync(materializer, cancellationToken);
}

/// <summary>An event of a tenant-wide stream: its journal <see cref="Offset"/> (the resume point) and conversation.</summary>
public sealed record TenantFeedEntry(long Offset, ConversationId Conversation, FeedEntry Entry);

/// <summary>A page of the feed; <see cref="LastSeq"/> is where the next read continues (<c>after</c>).</summary>
public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, long LastSeq);
