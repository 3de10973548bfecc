using static Orchestrator.Host.Api.Conversations.ConversationRoute;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>Body of <c>POST .../survey</c>: the customer rates the agent session.</summary>
/// <param name="OptionId">An id from the conversation's <c>survey_options</c>.</param>
/// <param name="ResolvedStateV2">0 when the first resolved option (resolved) was chosen, 1 for the second (unresolved).</param>
public sealed record SessionSurveyBody(long? OptionId, string? Remark = null, int? ResolvedStateV2 = null)
{
    public const int MaxRemarkLength = 1000;

    internal IResult? Problem() =>
        OptionId is null or <= 0 ? Invalid("option_id", "option_id is required: an id from the conversation's survey_options.")
        : Remark is { Length: > MaxRemarkLength } ? Invalid("remark", $"remark has at most {MaxRemarkLength} characters.")
        : ResolvedStateV2 is not (null or 0 or 1) ? Invalid("resolved_state_v2", "resolved_state_v2 must be 0 (resolved) or 1 (unresolved).")
        : null;
}

/// <summary>Body of <c>POST .../robot-survey</c>: the customer rates the urobot session (2 satisfied, 3 average, 4 unsatisfied).</summary>
public sealed record UrobotSurveyBody(long? OptionId, string? Remark = null)
{
    internal IResult? Problem() =>
        OptionId is not (2 or 3 or 4) ? Invalid("option_id", "option_id must be 2 (satisfied), 3 (average) or 4 (unsatisfied).")
        : Remark is { Length: > SessionSurveyBody.MaxRemarkLength } ? Invalid("remark", $"remark has at most {SessionSurveyBody.MaxRemarkLength} characters.")
        : null;
}

/// <summary>Body of <c>POST .../answer-survey</c>: the customer rates one urobot answer (1 satisfied, the default; 2 unsatisfied).</summary>
/// <param name="MessageId">The answer's <c>logId</c> from the urobot push.</param>
public sealed record AnswerSurveyBody(long? MessageId, long? OptionId = null)
{
    internal IResult? Problem() =>
        MessageId is null or <= 0 ? Invalid("message_id", "message_id is required: the logId of the urobot answer.")
        : OptionId is not (null or 1 or 2) ? Invalid("option_id", "option_id must be 1 (satisfied) or 2 (unsatisfied).")
        : null;
}

/// <summary>Body of <c>POST .../robot-usefulness</c>: was a knowledge-base robot answer useful.</summary>
/// <param name="MessageId">The robot answer's <c>message_id</c> from the push.</param>
/// <param name="QuestionId">The answer's <c>question_id</c> (0, a greeting, cannot be rated).</param>
public sealed record RobotUsefulnessBody(string? MessageId, long? QuestionId, bool? Useful)
{
    internal IResult? Problem() =>
        string.IsNullOrWhiteSpace(MessageId) || MessageId.Length > RequestValidation.MaxMessageIdLength
            ? Invalid("message_id", $"message_id is required (at most {RequestValidation.MaxMessageIdLength} characters): the robot answer's message_id.")
        : QuestionId is null or <= 0 ? Invalid("question_id", "question_id is required: the answer's question_id (greetings, question_id 0, cannot be rated).")
        : Useful is null ? Invalid("useful", "useful is required: true or false.")
        : null;
}
