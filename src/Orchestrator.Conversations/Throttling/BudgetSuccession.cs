using Akka.Actor;
using Akka.Cluster;

namespace Orchestrator.Conversations.Throttling;

/// <summary>
/// Whether a call budget starting on this node follows another one whose windows it cannot know. The budget is a
/// singleton on the oldest member: a node that has seen, since it started, a member older than itself can only run
/// the budget after that member left (node lost, rolling update), so its budget takes over. A node that never saw
/// an older member formed the cluster and starts the first budget. A whole cluster started again starts a first
/// budget: down for less than a window, it may let Udesk see more than its budget in that window
/// (docs/call-budget-failover.md).
/// </summary>
public sealed class BudgetSuccession
{
    private volatile bool sawOlderMember;

    public bool FollowsAnother => sawOlderMember;

    /// <summary>The node-local actor that watches members come up; start it with the node.</summary>
    public Props WatcherProps() => Props.Create(() => new OlderMemberWatcher(this));

    private sealed class OlderMemberWatcher : ReceiveActor
    {
        public OlderMemberWatcher(BudgetSuccession succession)
        {
            var cluster = Cluster.Get(Context.System);
            // Until this node is up itself, every member up is older than it.
            Receive<ClusterEvent.MemberUp>(up =>
            {
                if (up.Member.IsOlderThan(cluster.SelfMember))
                {
                    succession.sawOlderMember = true;
                }
            });
            ReceiveAny(_ => { });
            cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));
        }

        protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);
    }
}
