using Akka.Actor;
using Akka.Hosting;
using Orchestrator.Conversations.Feed;

namespace Orchestrator.Conversations.Delivery;

/// <summary>What every delivery entity of a node shares.</summary>
public sealed record DeliveryRuntime(
    ConversationFeed Feed,
    IWebhookSender Sender,
    DeliveryOptions Options,
    IReadOnlyDictionary<string, WebhookSubscription> Subscriptions,
    IReadOnlyActorRegistry Registry,
    TimeProvider Time)
{
    /// <summary>Tenant-wide list of dead letters, read lazily: the regions start one after the other.</summary>
    public IActorRef DeadLetterIndex => Registry.Get<DeadLetterIndexRegion>();

    public IActorRef Deliveries => Registry.Get<DeliveryRegion>();

    public bool IncludesInternal(string tenant) => Subscriptions.TryGetValue(tenant, out var subscription) && subscription.IncludeInternal;
}

/// <summary>ActorRegistry key of the delivery shard region (one entity per conversation of a tenant with a webhook).</summary>
public sealed class DeliveryRegion;

/// <summary>ActorRegistry key of the dead-letter index shard region (one entity per tenant).</summary>
public sealed class DeadLetterIndexRegion;

/// <summary>ActorRegistry key of the dispatcher singleton.</summary>
public sealed class DeliveryDispatcherSingleton;
