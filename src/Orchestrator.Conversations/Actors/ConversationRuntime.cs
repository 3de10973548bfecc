using Akka.Actor;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk;

namespace Orchestrator.Conversations.Actors;

/// <summary>What a conversation actor needs from its surroundings.</summary>
public sealed record ConversationRuntime(
    IUdeskClientFactory Udesk,
    IActorRef CallBudget,
    IActorRef SessionIndex,
    ConversationSettings Settings,
    CallBudgetOptions Limits,
    TimeProvider Time);
