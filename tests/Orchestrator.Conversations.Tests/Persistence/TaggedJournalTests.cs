using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Orchestrator.Conversations.Audit;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Tests.Domain;
using Orchestrator.Conversations.Tests.Support;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Persistence;

/// <summary>
/// The tag readers see exactly what the old whole-journal reads filtered out of every event, at the same offsets
/// (so resume points issued before tagging stay valid), and a journal written before tagging reads the same once
/// re-tagged.
/// </summary>
public sealed class TaggedJournalTests : IDisposable
{
    /// <summary>Longer than the tag column holds once escaped: tagged by its hash.</summary>
    private static readonly string LongTenant = "tenant with a long name/" + new string('x', 60);

    private readonly ConversationFixture fixture = new();
    private readonly string run = Guid.NewGuid().ToString("N")[..8];

    public static TheoryData<string> Stores() => TestStores.All();

    public void Dispose() => fixture.Dispose();

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Tag_readers_answer_each_tenants_events_at_the_offsets_of_the_whole_journal(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var host = await ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store));
        await WriteConversations(host);

        var journal = PersistenceQuery.Get(host.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var all = await journal.CurrentAllEvents(Offset.NoOffset()).CollectAsync(host.System.Materializer(), CancellationToken.None);
        foreach (var tenant in new[] { ConversationId.DefaultTenant, $"acme-{run}", LongTenant, $"under_score-{run}" })
        {
            var expected = Rows(all.Where(e => e.PersistenceId.StartsWith(ConversationId.PersistenceIdPrefix + Uri.EscapeDataString(tenant) + "/", StringComparison.Ordinal)));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Rows(await journal.CurrentEventsByTag(JournalTags.Tenant(tenant), Offset.NoOffset()).CollectAsync(host.System.Materializer(), CancellationToken.None)));

            // A resume point taken from the whole journal's offsets picks up at the next event of the tenant.
            var resumeAfter = expected[1].Offset;
            var followed = await Follow(new ConversationFeed(host.System), tenant, resumeAfter, expected.Count - 2);
            Assert.Equal(expected.Skip(2).Select(e => (e.Offset, e.PersistenceId, e.Seq)), followed.Select(e => (e.Offset, e.Conversation.PersistenceId, e.Entry.Seq)));
        }

        Assert.True(JournalTags.Tenant(LongTenant).Length <= JournalTags.MaxLength);
        var outbox = Rows(all.Where(e => e.Event is UdeskCallQueued or UdeskCallCompleted));
        Assert.NotEmpty(outbox);
        Assert.Equal(outbox, Rows(await journal.CurrentEventsByTag(JournalTags.Outbox, Offset.NoOffset()).CollectAsync(host.System.Materializer(), CancellationToken.None)));
        Assert.False(await new JournalRetagger(store).HasUntaggedHistoryAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task A_journal_written_without_tags_is_found_retagged_resumably_and_read_by_tag(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var host = await ConversationHost.StartAsync(fixture, akka => akka.WithConversationStore(store));
        await WriteConversations(host);
        var acme = $"acme-{run}";
        var export = new AuditJournal(host.System);
        var exported = await Export(export, acme);
        var tagged = await new StoreInspector(store).TaggedRows();

        // What a journal written before tagging holds: the same journal rows, without tags.
        await new StoreInspector(store).ClearTags();
        var retagger = new JournalRetagger(store);
        Assert.True(await retagger.HasUntaggedHistoryAsync(CancellationToken.None));
        Assert.Empty(await Export(export, acme));

        // Interrupted after its first batch (the newest events): the oldest are still untagged, and it says so.
        using (var interrupt = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => retagger.RetagAsync(2, _ => interrupt.Cancel(), interrupt.Token));
        }

        Assert.True(await retagger.HasUntaggedHistoryAsync(CancellationToken.None));
        var resumed = await retagger.RetagAsync(3, null, CancellationToken.None);

        Assert.Equal(tagged.Count - 2, resumed);
        Assert.False(await retagger.HasUntaggedHistoryAsync(CancellationToken.None));
        Assert.Equal(tagged, await new StoreInspector(store).TaggedRows());
        Assert.Equal(0, await retagger.RetagAsync(3, null, CancellationToken.None));
        Assert.Equal(exported, await Export(export, acme));
    }

    /// <summary>
    /// Conversations of five tenants, with outbox calls in the default one (the only tenant with a Udesk here). Two
    /// differ only where the other has a <c>_</c>: the tag query's <c>LIKE</c> must not take it for a wildcard.
    /// </summary>
    private async Task WriteConversations(ConversationHost host)
    {
        foreach (var tenant in new[] { $"acme-{run}", LongTenant, ConversationId.DefaultTenant, $"under_score-{run}", $"underXscore-{run}" })
        {
            foreach (var customer in new[] { "a", "b" })
            {
                var id = new ConversationId(tenant, $"{customer}-{run}");
                await host.Ask(Pushes.Batch(id, "agent", [Pushes.Agent("start_session", $"s-{customer}", 501), Pushes.Agent("message", $"m-{customer}", 501)]));
                await host.Ask(Pushes.Batch(id, "agent", [Pushes.Close($"c-{customer}", 501)]));
            }
        }

        var caller = new ConversationId(ConversationId.DefaultTenant, $"caller-{run}");
        await host.Ask(new RequestSession(caller, new SessionRequest()));
        await host.Until(caller, s => s.Status == ConversationStatus.Robot);
    }

    private static async Task<IReadOnlyList<TenantFeedEntry>> Follow(ConversationFeed feed, string tenant, long after, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var entries = new List<TenantFeedEntry>();
        await foreach (var entry in feed.FollowTenant(tenant, after, timeout.Token))
        {
            entries.Add(entry);
            if (entries.Count == count)
            {
                break;
            }
        }

        return entries;
    }

    private static async Task<List<(long Offset, string PersistenceId, long Seq, string Manifest)>> Export(AuditJournal journal, string tenant)
    {
        var lines = new List<(long, string, long, string)>();
        await foreach (var line in journal.Export(tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 0, CancellationToken.None))
        {
            lines.Add((line.Offset, line.PersistenceId, line.Seq, line.Manifest));
        }

        return lines;
    }

    private static List<(long Offset, string PersistenceId, long Seq)> Rows(IEnumerable<EventEnvelope> events) =>
        events.Select(e => (((Sequence)e.Offset).Value, e.PersistenceId, e.SequenceNr)).ToList();
}
