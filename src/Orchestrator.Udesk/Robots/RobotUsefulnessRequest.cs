namespace Orchestrator.Udesk.Robots;

/// <summary>Robot Q&amp;A evaluation: was the knowledge-base answer in <see cref="MessageId"/> useful.</summary>
public sealed record RobotUsefulnessRequest(string CustomerToken, string MessageId, long QuestionId, bool Useful);
