using Akka.Cluster.Sharding;

namespace Orchestrator.Conversations.Sessions;

/// <summary>Routes session index messages to the entity of their tenant and session.</summary>
public sealed class SessionIndexMessageExtractor(int maxShards) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => (message as SessionIndexMessages.SessionMessage)?.EntityId;
}
