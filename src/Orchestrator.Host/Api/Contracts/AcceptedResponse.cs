namespace Orchestrator.Host.Api.Contracts;

/// <summary>The command is persisted: <c>seq</c> is the sequence number of its last event.</summary>
/// <param name="Duplicate">True when the same <c>message_id</c> was accepted before; <c>seq</c> is the original one.</param>
public sealed record AcceptedResponse(long Seq, bool Duplicate = false);
