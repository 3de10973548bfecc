using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Outbox;

/// <summary>
/// An outbox entry: the call, and the sequence number of the event that queued it. <paramref name="MayHaveReachedUdesk"/>:
/// a call not safe to repeat whose start was recorded (<see cref="Domain.ConversationEvents.UdeskCallStarted"/>) and
/// that is still unanswered, so an earlier attempt may have been done (the node died, or a hand-off ran out of time):
/// Udesk is asked, or the call settled, before it is made again (<see cref="UnansweredCalls"/>).
/// </summary>
public sealed record PendingCall(
    long Seq,
    OutboundCall Call,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool MayHaveReachedUdesk = false);
