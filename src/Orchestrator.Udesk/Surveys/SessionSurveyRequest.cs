namespace Orchestrator.Udesk.Surveys;

/// <summary>
/// <c>POST /im/sessions/survey</c>: the customer rates the agent session. <see cref="OptionId"/> is an id from the
/// session's <see cref="SurveyOptions"/>; <see cref="ResolvedStateV2"/> is 0 (first resolved option) or 1 (second).
/// </summary>
public sealed record SessionSurveyRequest(long ImSubSessionId, long OptionId)
{
    public string? Remark { get; init; }

    public int? ResolvedStateV2 { get; init; }
}
