using Akka.Actor;
using Orchestrator.Conversations.Retention;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk;

namespace Orchestrator.Conversations.Actors;

/// <summary>What a conversation actor needs from its surroundings; without an <paramref name="Eraser"/> erasure is refused.</summary>
public sealed record ConversationRuntime(
    IUdeskClientFactory Udesk,
    IActorRef CallBudget,
    IActorRef SessionIndex,
    ConversationSettings Settings,
    CallBudgetOptions Limits,
    TimeProvider Time,
    JournalEraser? Eraser = null);
