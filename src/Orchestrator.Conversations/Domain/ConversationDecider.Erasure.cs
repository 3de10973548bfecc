using static Orchestrator.Conversations.Domain.ConversationCommands;

namespace Orchestrator.Conversations.Domain;

public static partial class ConversationDecider
{
    /// <summary>
    /// Whether the conversation may be erased now. Never while the customer is in a session or queue at Udesk:
    /// erasing would orphan that session (agents would keep writing to a customer the service no longer knows), so
    /// the platform closes it first. Never with calls to Udesk waiting: their outcome has nowhere to go.
    /// </summary>
    private static Decision ErasureDecision(ConversationState state, EraseConversation command)
    {
        if (state.Status is ConversationStatus.Robot or ConversationStatus.Urobot or ConversationStatus.Queued or ConversationStatus.Agent)
        {
            return Decision.Reject(RejectionReason.Conflict, $"The customer has an open session at Udesk (the conversation is {Describe(state)}); close it or abandon the queue first.");
        }

        if (!state.Outbox.IsEmpty || state.SessionRequestPending)
        {
            return Decision.Reject(RejectionReason.Conflict, $"{state.Outbox.Count} call(s) to Udesk are still waiting for an answer; erase once they are answered.");
        }

        if (command.ClosedBefore is { } cutoff && (state.Status != ConversationStatus.Closed || state.LastEventAt > cutoff))
        {
            return Decision.Reject(RejectionReason.Conflict, $"The conversation has not been closed since before {cutoff:O}.");
        }

        return Decision.Unchanged(state);
    }
}
