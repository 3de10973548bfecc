using Orchestrator.Udesk.Results;

namespace Orchestrator.Conversations.Outbox;

/// <summary>What one attempt at an outbox call came to: Udesk's answer, or trouble worth retrying.</summary>
public abstract record CallAttempt
{
    public sealed record Answered(CallOutcome Outcome) : CallAttempt;

    public sealed record Failed(UdeskError Error) : CallAttempt;
}
