namespace Orchestrator.Conversations.Audit;

/// <summary>
/// One fact of a conversation as an auditor reads it: flat, so the same record is a JSON object, a CSV row and a
/// transcript line.
/// </summary>
/// <param name="Kind">What happened: <c>customer_message</c>, <c>message</c>, <c>session_started</c>, <c>udesk_answer</c>, <c>refusal</c>, …</param>
/// <param name="Direction"><c>customer_to_udesk</c> or <c>udesk_to_customer</c> for messages.</param>
/// <param name="UdeskCall">The outbox call an entry is about, by its journal name (<c>send-message</c>, <c>create-session</c>, …).</param>
/// <param name="UdeskRequest">The call as it was queued, as JSON.</param>
/// <param name="UdeskAnswer">How Udesk answered: <c>done</c>, <c>session-answered</c>, <c>refused</c>, <c>unconfirmed</c>.</param>
/// <param name="IssuedBy">The platform API key (its name) whose command this was; <c>unknown</c> for events written before keys were recorded.</param>
public sealed record AuditEntry(
    long Seq,
    DateTimeOffset At,
    string Kind,
    string? Direction = null,
    long? ImSubSessionId = null,
    string? Agent = null,
    string? MessageId = null,
    string? Content = null,
    string? UdeskCall = null,
    string? UdeskRequest = null,
    string? UdeskAnswer = null,
    int? UdeskCode = null,
    string? IssuedBy = null,
    string? Detail = null);
