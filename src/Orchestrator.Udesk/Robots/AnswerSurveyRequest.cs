namespace Orchestrator.Udesk.Robots;

/// <summary><c>POST /im/messages/answer_survey</c>: rate one urobot answer (1 satisfied, 2 unsatisfied).</summary>
public sealed record AnswerSurveyRequest(string CustomerToken, long MessageId, long ImSubSessionId, long OptionId, long RobotId, long SceneId);
