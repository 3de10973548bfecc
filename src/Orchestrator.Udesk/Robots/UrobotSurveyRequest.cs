namespace Orchestrator.Udesk.Robots;

/// <summary><c>POST /im/sessions/robot_survey</c>: rate the urobot session (2 satisfied, 3 average, 4 unsatisfied).</summary>
public sealed record UrobotSurveyRequest(string CustomerToken, long ImSubSessionId, long OptionId, long RobotId, long SceneId)
{
    public string? Remark { get; init; }
}
