using Akka.Cluster.Hosting;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Actors.Mailboxes;
using Orchestrator.Conversations.Configuration;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Quarantine;
using Orchestrator.Conversations.Retention;
using Orchestrator.Conversations.Serialization;
using Orchestrator.Conversations.Sessions;
using Orchestrator.Conversations.Telemetry;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk;

namespace Orchestrator.Conversations.Hosting;

public static class ConversationsHostingExtensions
{
    public const string RegionName = "conversation";
    public const string CallBudgetName = CallBudgetActor.SingletonName;
    public const string SessionIndexName = "session-index";
    public const string OutboxSweeperName = OutboxSweeperActor.SingletonName;
    public const string PushQuarantineName = "push-quarantine";

    /// <summary>What a leaving node's hand-off needs besides the drain: the coordinator's round trips and the persist.</summary>
    private static readonly TimeSpan LeavingHandOffMargin = TimeSpan.FromSeconds(6);

    /// <summary>
    /// The conversation shard region (remember-entities off, so idle entities can passivate) and the company call
    /// budget as a cluster singleton with a proxy, both in the ActorRegistry (<see cref="ConversationRegion"/>,
    /// <see cref="CallBudget"/>). Needs an <see cref="IUdeskClientFactory"/> in the services.
    /// </summary>
    public static AkkaConfigurationBuilder WithConversations(this AkkaConfigurationBuilder builder, ConversationSettings settings, CallBudgetOptions limits, string? role = null)
    {
        builder
            .WithConversationSerialization()
            .AddHocon(HoconFiles.Load(HoconFiles.Sharding), HoconAddMode.Prepend)
            .WithEntityMailboxes()
            // A leaving node hands its shards off within this phase of CoordinatedShutdown (Akka's default 10 s): it
            // must outlast a conversation's drain, or the system ends before the drained call's outcome is persisted.
            .AddHocon(
                $"akka.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = {(long)(settings.HandOffDrainTimeout + LeavingHandOffMargin).TotalMilliseconds}ms",
                HoconAddMode.Prepend);

        var succession = new BudgetSuccession();
        builder.WithActors((system, _) => system.ActorOf(succession.WatcherProps(), "call-budget-succession"));
        builder.WithSingleton<CallBudget>(
            CallBudgetName,
            (_, _, resolver) => CallBudgetActor.Props(limits, resolver.GetService<TimeProvider>() ?? TimeProvider.System, () => succession.FollowsAnother),
            new ClusterSingletonOptions { Role = role },
            createProxyToo: true);

        builder.WithShardRegion<SessionIndexRegion>(
            SessionIndexName,
            (_, registry, resolver) => entityId =>
                SessionOwnerActor.Props(
                    entityId, registry, resolver.GetService<TimeProvider>() ?? TimeProvider.System, settings.SessionIndexPassivateAfter, resolver.GetService<JournalEraser>()).WithEntityMailbox(),
            new SessionIndexMessageExtractor(settings.Shards),
            new ShardOptions { RememberEntities = false, Role = role });

        builder.WithShardRegion<PushQuarantineRegion>(
            PushQuarantineName,
            (_, _, resolver) => entityId => PushQuarantineActor.Props(entityId, resolver.GetService<TimeProvider>() ?? TimeProvider.System, settings.PassivateAfter).WithEntityMailbox(),
            new PushQuarantineMessageExtractor(settings.Shards),
            new ShardOptions { RememberEntities = false, Role = role });

        builder.WithShardRegion<ConversationRegion>(
            RegionName,
            (system, registry, resolver) =>
            {
                RequireDrainWithinHandOff(settings, system.Settings.Config);
                var runtime = new ConversationRuntime(
                    resolver.GetService<IUdeskClientFactory>(),
                    registry.Get<CallBudget>(),
                    registry.Get<SessionIndexRegion>(),
                    settings,
                    limits,
                    resolver.GetService<TimeProvider>() ?? TimeProvider.System,
                    resolver.GetService<JournalEraser>());
                return entityId => ConversationActor.Props(ConversationId.FromEntityId(entityId), runtime).WithEntityMailbox();
            },
            new ConversationMessageExtractor(settings.Shards),
            new ShardOptions { RememberEntities = false, Role = role, HandOffStopMessage = StopForHandOff.Instance });

        builder.WithActors((system, registry) => system.ActorOf(
            ShardRegionMetricsActor.Props(registry.Get<ConversationRegion>(), RegionName, ShardRegionMetricsActor.DefaultInterval), "conversation-region-metrics"));

        return builder.WithSingleton<OutboxSweeper>(
            OutboxSweeperName,
            (_, registry, resolver) => OutboxSweeperActor.Props(
                registry.Get<ConversationRegion>(), settings.OutboxSweepInterval, resolver.GetService<TimeProvider>() ?? TimeProvider.System),
            new ClusterSingletonOptions { Role = role },
            createProxyToo: false);
    }

    /// <summary>
    /// A shard stops by force the entities still running <c>handoff-timeout</c> less 5 s after it began handing off
    /// (Akka's Shard): a conversation's drain must end before that, or its call is cancelled mid-way after all.
    /// </summary>
    private static void RequireDrainWithinHandOff(ConversationSettings settings, Akka.Configuration.Config config)
    {
        var handOff = config.GetTimeSpan("akka.cluster.sharding.handoff-timeout");
        var forcedStopAfter = handOff - TimeSpan.FromSeconds(5);
        if (settings.HandOffDrainTimeout >= forcedStopAfter)
        {
            throw new InvalidOperationException(
                $"Orchestrator:Conversations:HandOffDrainTimeout ({settings.HandOffDrainTimeout}) must be shorter than akka.cluster.sharding.handoff-timeout ({handOff}) less 5 s, when sharding stops the conversations still handing off by force.");
        }
    }

    /// <summary>Binds every persisted type and cross-node message of conversations to <see cref="ConversationSerializer"/>.</summary>
    public static AkkaConfigurationBuilder WithConversationSerialization(this AkkaConfigurationBuilder builder) =>
        builder.WithCustomSerializer(ConversationSerializer.Name, ConversationManifests.Bindings, system => new ConversationSerializer(system));
}
