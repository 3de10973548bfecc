using Akka.Actor;
using Akka.Cluster;
using Orchestrator.Conversations.Tests.Persistence;
using Orchestrator.Conversations.Tests.Support;
using Orchestrator.Conversations.Throttling;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>
/// Which node's budget would take over: the node that formed the cluster starts the first budget; a node that
/// joined it saw an older member, so a budget that ever runs there follows another.
/// </summary>
public sealed class BudgetSuccessionTests : IDisposable
{
    private readonly ConversationFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task Only_a_node_that_joined_an_older_member_takes_over()
    {
        var store = await TestStores.CreateAsync(TestStores.Sqlite);
        var (first, second) = await ConversationHost.StartTwoAsync(fixture, store);
        await using var _ = first;
        await using var __ = second;
        var firstSuccession = new BudgetSuccession();
        first.System.ActorOf(firstSuccession.WatcherProps());
        var secondSuccession = new BudgetSuccession();
        second.System.ActorOf(secondSuccession.WatcherProps());

        await Eventually.True(() => Task.FromResult(secondSuccession.FollowsAnother), "the joined node saw the older one");
        Assert.False(firstSuccession.FollowsAnother);
    }

    [Fact]
    public async Task A_node_forming_the_cluster_never_takes_over_even_when_watching_from_before_it_is_up()
    {
        // Watching from before the join, as the service does: the node's own Up event may come before
        // Cluster.SelfMember shows it up, when every member up would look older than this one.
        using var system = ActorSystem.Create("succession", "akka.actor.provider = cluster\nakka.remote.dot-netty.tcp.port = 0\nakka.remote.dot-netty.tcp.hostname = 127.0.0.1");
        var succession = new BudgetSuccession();
        var watcher = system.ActorOf(succession.WatcherProps());
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource();
        cluster.RegisterOnMemberUp(up.SetResult);

        cluster.Join(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The Up event was published before the callback ran: a message sent now reaches the watcher after it.
        await watcher.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(30));
        Assert.False(succession.FollowsAnother);
        await system.Terminate();
    }
}
