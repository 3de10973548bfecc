using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// One message of a pushed batch as the webhook read it (once): the facts the conversation decides on, and the
/// message as Udesk sent it. A message that could not be read is carried as its bytes, so it is kept, not lost.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "item")]
[JsonDerivedType(typeof(Readable), "readable")]
[JsonDerivedType(typeof(Unreadable), "unreadable")]
public abstract record PushedItem(string? MessageId)
{
    /// <param name="Kind">The message or event type (<c>message</c>, <c>start_session</c>, <c>transfer</c>, <c>close</c>, …), lower case.</param>
    /// <param name="Visible">Whether the customer should see it (agent-only and unsupported types are kept, not shown).</param>
    /// <param name="ImSubSessionId">The agent session it belongs to (agent pushes only).</param>
    /// <param name="CloseType"><c>close</c> only: <c>normal</c>, <c>redirect</c> or <c>force</c>.</param>
    /// <param name="SurveyOptions"><c>close</c> only: the survey offered, as Udesk wrote it.</param>
    public sealed record Readable(
        string? MessageId, string Kind, bool Visible, SessionId? ImSubSessionId, AgentInfo? Agent, string? CloseType, JsonElement? SurveyOptions, JsonElement Raw)
        : PushedItem(MessageId);

    /// <param name="RawUtf8">The message's exact bytes (they may not be valid UTF-8 or Unicode).</param>
    /// <param name="Reason">What could not be read, naming the field.</param>
    public sealed record Unreadable(string? MessageId, byte[] RawUtf8, string Reason) : PushedItem(MessageId);
}
