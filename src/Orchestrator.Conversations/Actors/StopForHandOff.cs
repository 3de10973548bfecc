using Akka.Actor;

namespace Orchestrator.Conversations.Actors;

/// <summary>
/// Sharding's hand-off stop message for conversations (a rebalance, a node leaving): the conversation lets the Udesk
/// call in flight finish and persists its outcome, for at most <see cref="ConversationSettings.HandOffDrainTimeout"/>,
/// then stops. A <see cref="PoisonPill"/> would cancel the call mid-way and leave its outcome unknown. Sent by the
/// local shard to its own entities, never across nodes, so it needs no serializer manifest.
/// </summary>
public sealed record StopForHandOff : INoSerializationVerificationNeeded
{
    public static readonly StopForHandOff Instance = new();

    private StopForHandOff()
    {
    }
}
