namespace Orchestrator.Conversations.Domain;

/// <summary><c>idle → robot | urobot → queued → agent → closed</c>, and a new session from closed or idle.</summary>
public enum ConversationStatus
{
    Idle,
    Robot,
    Urobot,
    Queued,
    Agent,
    Closed,
}
