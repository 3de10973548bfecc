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
        private readonly List<Member> upBeforeSelf = [];
        private Member? self;

        public OlderMemberWatcher(BudgetSuccession succession)
        {
            var cluster = Cluster.Get(Context.System);
            // Compared with this node's own Up event, never with Cluster.SelfMember, which may not show it up yet (and
            // every member looks older than one still joining). Members moved up with this node are compared then.
            Receive<ClusterEvent.MemberUp>(up =>
            {
                if (up.Member.UniqueAddress.Equals(cluster.SelfUniqueAddress))
                {
                    self = up.Member;
                    succession.sawOlderMember |= upBeforeSelf.Any(member => member.IsOlderThan(up.Member));
                    upBeforeSelf.Clear();
                }
                else if (self is null)
                {
                    upBeforeSelf.Add(up.Member);
                }
                else if (up.Member.IsOlderThan(self))
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
