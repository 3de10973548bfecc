using Akka.Cluster.Sharding;
using Orchestrator.Conversations.Domain;

namespace Orchestrator.Conversations.Actors;

/// <summary>Routes every conversation command to its entity (tenant/token) and shard.</summary>
public sealed class ConversationMessageExtractor(int maxShards) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => message switch
    {
        ConversationCommands.Command command => command.Id.EntityId,
        _ => null,
    };
}
