using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Domain;

/// <summary>What a command leads to: the events to persist (possibly none) and the answer once they are.</summary>
public sealed record Decision(IReadOnlyList<Event> Events, Reply Reply)
{
    public static Decision Reject(RejectionReason reason, string detail) => new([], new Rejected(reason, detail));

    public static Decision Unchanged(ConversationState state) => new([], new Accepted(state.Seq));

    public static Decision Persist(IReadOnlyList<Event> events, ConversationState state) =>
        new(events, new Accepted(events.Count > 0 ? events[^1].Seq : state.Seq));
}
