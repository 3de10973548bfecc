using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Orchestrator.Conversations.Actors.Mailboxes;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;

namespace Orchestrator.Conversations.Delivery;

public static class DeliveryHostingExtensions
{
    public const string RegionName = "delivery";
    public const string DeadLetterIndexName = "delivery-dead-letters";
    public const string DispatcherName = "delivery-dispatcher";

    /// <summary>
    /// Webhook delivery for <paramref name="subscriptions"/>: the delivery region (remember-entities on, stored in the
    /// journal, so deliveries with work left restart after a crash), the per-tenant dead-letter index region and the
    /// dispatcher singleton. Needs the conversation store and serialization (<c>WithConversations</c>), and an
    /// <see cref="IWebhookSender"/>: <paramref name="sender"/>, or else the one in the services.
    /// </summary>
    public static AkkaConfigurationBuilder WithDelivery(
        this AkkaConfigurationBuilder builder, DeliveryOptions options, IEnumerable<WebhookSubscription> subscriptions, IWebhookSender? sender = null, string? role = null)
    {
        var byTenant = subscriptions.ToDictionary(s => s.Tenant, StringComparer.Ordinal);
        builder.WithEntityMailboxes();
        DeliveryRuntime? shared = null;
        DeliveryRuntime Runtime(Akka.Actor.ActorSystem system, IReadOnlyActorRegistry registry, Akka.DependencyInjection.IDependencyResolver resolver) =>
            shared ??= new DeliveryRuntime(
                new ConversationFeed(system),
                sender ?? resolver.GetService<IWebhookSender>() ?? throw new InvalidOperationException($"Webhook delivery needs an {nameof(IWebhookSender)} in the services."),
                options,
                byTenant,
                registry,
                resolver.GetService<TimeProvider>() ?? TimeProvider.System);

        builder.WithShardRegion<DeadLetterIndexRegion>(
            DeadLetterIndexName,
            (system, registry, resolver) =>
            {
                var runtime = Runtime(system, registry, resolver);
                return entityId => DeadLetterIndexActor.Props(entityId, runtime);
            },
            new DeadLetterIndexMessageExtractor(options.Shards),
            new ShardOptions { RememberEntities = false, Role = role });

        builder.WithShardRegion<DeliveryRegion>(
            RegionName,
            (system, registry, resolver) =>
            {
                var runtime = Runtime(system, registry, resolver);
                return entityId => DeliveryActor.Props(ConversationId.FromEntityId(entityId), runtime).WithEntityMailbox();
            },
            new DeliveryMessageExtractor(options.Shards),
            new ShardOptions
            {
                // Remembered in the journal (not in distributed data, which a one-node cluster loses on restart), so
                // a delivery that still has work restarts on its own; it un-remembers itself by passivating when done.
                RememberEntities = true,
                RememberEntitiesStore = RememberEntitiesStore.Eventsourced,
                StateStoreMode = StateStoreMode.Persistence,
                Role = role,
            });

        return builder.WithSingleton<DeliveryDispatcherSingleton>(
            DispatcherName,
            (system, registry, resolver) => DeliveryDispatcher.Props(Runtime(system, registry, resolver)),
            new ClusterSingletonOptions { Role = role },
            createProxyToo: false);
    }
}
