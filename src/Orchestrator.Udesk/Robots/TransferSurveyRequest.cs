namespace Orchestrator.Udesk.Robots;

/// <summary><c>POST /im/sessions/transfer_survey</c>: counts a urobot session escalated to a human.</summary>
public sealed record TransferSurveyRequest(long ImSubSessionId, long RobotId, long SceneId);
