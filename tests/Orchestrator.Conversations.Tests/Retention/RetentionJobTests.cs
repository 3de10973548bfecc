using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;
using Orchestrator.Conversations.Retention;
using Orchestrator.Conversations.Tests.Persistence;
using Orchestrator.Conversations.Tests.Support;
using Orchestrator.Udesk.Sessions;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationReplies;
using static Orchestrator.Conversations.Retention.ErasureLedgerMessages;

namespace Orchestrator.Conversations.Tests.Retention;

/// <summary>
/// The retention job over conversations on the real stores. Its schedule runs on this test kit's
/// <see cref="TestScheduler"/>, and the conversations' clock (close times, the cutoff, the ledger) is a fake one.
/// </summary>
public sealed class RetentionJobTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly RetentionOptions Options = new() { ClosedAfter = TimeSpan.FromDays(30), Interval = TimeSpan.FromHours(1) };

    private readonly ConversationFixture fixture = new();
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly string run = Guid.NewGuid().ToString("N");

    public RetentionJobTests()
        : base(ConfigurationFactory.ParseString("""akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """))
    {
    }

    public static TheoryData<string> Stores() => TestStores.All();

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Only_conversations_closed_longer_ago_than_ClosedAfter_are_erased_and_each_erasure_is_in_the_ledger(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        var tables = new StoreInspector(store);
        await using var host = await ConversationHost.StartAsync(
            fixture,
            akka => akka.WithConversationStore(store).WithRetention(new RetentionOptions(), store, fixture.Settings),
            services: s => s.AddSingleton(new JournalEraser(store)).AddSingleton<TimeProvider>(time));
        var ledger = await host.Registry.GetAsync<ErasureLedgerRegion>();
        var old = await RobotSession(host, "old", close: true);
        var open = await RobotSession(host, "open", close: false);
        time.Advance(Options.ClosedAfter!.Value + TimeSpan.FromDays(1));
        var recent = await RobotSession(host, "recent", close: true);
        var recentRows = await tables.JournalRows(recent.PersistenceId);
        var openRows = await tables.JournalRows(open.PersistenceId);
        var sweeper = Sys.ActorOf(RetentionSweeperActor.Props(
            Options, new RetentionCandidates(store), new CustomerErasure(host.Region, ledger, TimeSpan.FromSeconds(20)), time));
        // Answered once it has started, so its schedule is set before the clock moves.
        await sweeper.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(20));

        Scheduler.Advance(Options.Interval);

        var entries = await Eventually.Until(
            async () => (await ledger.Ask<ErasurePage>(new ListErasures(ConversationId.DefaultTenant, null, null, 100), TimeSpan.FromSeconds(20))).Entries,
            e => e.Count > 0, "the retention run's erasure in the ledger");
        var entry = Assert.Single(entries);
        Assert.Equal(
            (CustomerErasure.Sha256Of(old.CustomerToken), ErasureReason.Retention, (string?)null, time.GetUtcNow()),
            (entry.CustomerTokenSha256, entry.Reason, entry.IssuedBy, entry.At));
        Assert.True(entry.EventsDeleted >= 3, $"the old conversation's events were counted ({entry.EventsDeleted})");
        Assert.All(await tables.JournalRows(old.PersistenceId), row => Assert.Equal((true, ""), (row.Deleted, row.Payload)));
        Assert.Equal(recentRows, await tables.JournalRows(recent.PersistenceId));
        Assert.Equal(openRows, await tables.JournalRows(open.PersistenceId));
    }

    /// <summary>A robot session, closed by the customer when <paramref name="close"/>: no Udesk call is left waiting.</summary>
    private async Task<ConversationId> RobotSession(ConversationHost host, string name, bool close)
    {
        var id = new ConversationId(ConversationId.DefaultTenant, $"{name}-{run}");
        fixture.Udesk.AnswerSessions("""{"code":1000,"message":"robot","assign_type":"robot","assign_info":{"welcome":"hello"}}""");
        Assert.IsType<Accepted>(await host.Ask(new RequestSession(id, new SessionRequest { AssignType = AssignType.Robot })));
        await host.Until(id, s => s.Status == ConversationStatus.Robot && s.Outbox.IsEmpty);
        if (close)
        {
            Assert.IsType<Accepted>(await host.Ask(new CloseSession(id)));
        }

        return id;
    }

    protected override void Dispose(bool disposing)
    {
        fixture.Dispose();
        base.Dispose(disposing);
    }
}
