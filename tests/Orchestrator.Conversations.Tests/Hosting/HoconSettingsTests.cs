using Orchestrator.Conversations.Configuration;

namespace Orchestrator.Conversations.Tests.Hosting;

/// <summary>
/// Settings in hocon/ that replace an Akka default for a reason measured here land at the path Akka reads (a key
/// misplaced in a block would silently leave the default).
/// </summary>
public sealed class HoconSettingsTests
{
    [Theory]
    [InlineData(HoconFiles.SqlitePersistence)]
    [InlineData(HoconFiles.PostgreSqlPersistence)]
    public void Live_journal_readers_wait_10_s_for_the_highest_ordering_not_1_s(string file) =>
        Assert.Equal(TimeSpan.FromSeconds(10), HoconFiles.Load(file).GetTimeSpan("akka.persistence.query.journal.sql.journal-sequence-retrieval.ask-timeout"));

    [Fact]
    public void A_rebalance_waiting_on_a_dead_region_is_given_up_after_10_s_not_60_s() =>
        Assert.Equal(TimeSpan.FromSeconds(10), HoconFiles.Load(HoconFiles.Cluster).GetTimeSpan("akka.cluster.sharding.handoff-timeout"));
}
