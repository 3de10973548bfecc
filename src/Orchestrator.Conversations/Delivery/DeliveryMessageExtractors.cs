using Akka.Cluster.Sharding;

namespace Orchestrator.Conversations.Delivery;

/// <summary>Routes delivery commands to the conversation's delivery entity (same entity id as the conversation).</summary>
public sealed class DeliveryMessageExtractor(int maxShards) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => (message as DeliveryCommands.Command)?.Conversation.EntityId;
}

/// <summary>Routes dead-letter index commands to the entity of their tenant.</summary>
public sealed class DeadLetterIndexMessageExtractor(int maxShards) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => (message as DeadLetterIndexMessages.Command)?.EntityId;
}
