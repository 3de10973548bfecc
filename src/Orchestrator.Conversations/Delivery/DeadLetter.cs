namespace Orchestrator.Conversations.Delivery;

/// <summary>An event the receiver never acknowledged: why it was given up, and the last HTTP status it answered.</summary>
public sealed record DeadLetter(long Seq, string Reason, int? LastStatus, DateTimeOffset At);
