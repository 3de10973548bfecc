using Orchestrator.Conversations.Domain;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Conversations.Outbox;

/// <summary>
/// What the gateway asks Udesk before it believes an answer, or the lack of one. Pure: which question, and what
/// the answer means.
/// </summary>
public abstract record UdeskQuestion
{
    /// <summary>An agent request got no answer: <c>queue_status</c> says whether it went through (<see cref="UnansweredCalls"/>).</summary>
    public sealed record QueueStatus : UdeskQuestion;

    /// <summary>
    /// A message to an agent session was refused as "session gone" (9200, 19200). That is also what Udesk answers
    /// when it has just moved the customer to another session (a transfer or redirect whose push has not arrived):
    /// <c>customer_status</c> tells the two apart before the conversation is closed over it.
    /// </summary>
    public sealed record CustomerStatus(CallOutcome.Refused Refusal) : UdeskQuestion;

    /// <summary>The question to ask before taking <paramref name="outcome"/> of <paramref name="call"/> as final, if any.</summary>
    public static UdeskQuestion? Before(OutboundCall call, CallOutcome outcome) =>
        call is OutboundCall.SendMessage { ImSubSessionId: > 0 } && outcome is CallOutcome.Refused refused && UdeskCodes.MeansSessionGone(refused.Code)
            ? new CustomerStatus(refused)
            : null;

    /// <summary>Whether Udesk still has the customer in a session (status_code 1, 'In session').</summary>
    public static bool StillInSession(Udesk.Status.CustomerStatus status) =>
        status.StatusCode == 1 || string.Equals(status.Status?.Trim(), "In session", StringComparison.OrdinalIgnoreCase);
}
