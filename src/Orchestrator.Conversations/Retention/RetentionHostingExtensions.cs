using Akka.Cluster.Hosting;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Conversations.Actors;
using Orchestrator.Conversations.Hosting;
using Orchestrator.Conversations.Persistence;

namespace Orchestrator.Conversations.Retention;

public static class RetentionHostingExtensions
{
    public const string LedgerName = "erasure-ledger";
    public const string SweeperName = "retention";

    /// <summary>
    /// The per-tenant erasure ledger (shard region, <see cref="ErasureLedgerRegion"/>) and, when
    /// <see cref="RetentionOptions.ClosedAfter"/> is set, the retention job as a cluster singleton. Conversations
    /// erase through the <see cref="JournalEraser"/> in the services (the host registers it).
    /// </summary>
    public static AkkaConfigurationBuilder WithRetention(
        this AkkaConfigurationBuilder builder, RetentionOptions options, ConversationStoreOptions store, ConversationSettings settings, string? role = null)
    {
        builder.WithShardRegion<ErasureLedgerRegion>(
            LedgerName,
            (_, _, resolver) => entityId => ErasureLedgerActor.Props(entityId, resolver.GetService<TimeProvider>() ?? TimeProvider.System, settings.PassivateAfter),
            new ErasureLedgerMessageExtractor(settings.Shards),
            new ShardOptions { RememberEntities = false, Role = role });
        if (!options.Enabled)
        {
            return builder;
        }

        return builder.WithSingleton<RetentionSweeper>(
            SweeperName,
            (_, registry, resolver) => RetentionSweeperActor.Props(
                options,
                new RetentionCandidates(store),
                new CustomerErasure(registry.Get<ConversationRegion>(), registry.Get<ErasureLedgerRegion>(), options.EraseTimeout),
                resolver.GetService<TimeProvider>() ?? TimeProvider.System),
            new ClusterSingletonOptions { Role = role },
            createProxyToo: false);
    }
}

/// <summary>ActorRegistry key of the retention job singleton.</summary>
public sealed class RetentionSweeper;
