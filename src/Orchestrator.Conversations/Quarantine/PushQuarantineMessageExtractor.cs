using Akka.Cluster.Sharding;

namespace Orchestrator.Conversations.Quarantine;

/// <summary>Routes quarantine messages to the entity of their tenant.</summary>
public sealed class PushQuarantineMessageExtractor(int maxShards) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => (message as PushQuarantineMessages.Command)?.EntityId;
}
