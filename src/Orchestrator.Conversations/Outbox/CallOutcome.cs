using System.Text.Json.Serialization;
using Orchestrator.Conversations.Domain;

namespace Orchestrator.Conversations.Outbox;

/// <summary>
/// How Udesk answered an outbox call. Transport failures are not outcomes: the call is retried until Udesk
/// answers. A refusal (business code) is final and recorded.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "outcome")]
[JsonDerivedType(typeof(Done), "done")]
[JsonDerivedType(typeof(SessionAnswered), "session-answered")]
[JsonDerivedType(typeof(Refused), "refused")]
[JsonDerivedType(typeof(Unconfirmed), "unconfirmed")]
public abstract record CallOutcome
{
    public sealed record Done : CallOutcome;

    /// <summary>The answer to a session request, as one of its cases.</summary>
    public sealed record SessionAnswered(SessionAnswer Answer) : CallOutcome;

    public sealed record Refused(int? Code, string Message) : CallOutcome;

    /// <summary>
    /// Udesk may or may not have done it (no answer came back) and it is not safe to repeat (e.g. a transfer count):
    /// recorded as such, never sent twice.
    /// </summary>
    public sealed record Unconfirmed(string Message) : CallOutcome;
}
