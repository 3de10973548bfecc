namespace Orchestrator.Conversations.Outbox;

/// <summary>An outbox entry: the call, and the sequence number of the event that queued it.</summary>
public sealed record PendingCall(long Seq, OutboundCall Call);
