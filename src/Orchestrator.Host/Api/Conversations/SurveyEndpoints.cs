using Orchestrator.Conversations.Outbox;
using Orchestrator.Udesk.Robots;
using Orchestrator.Udesk.Surveys;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Udesk.Results;
using static Orchestrator.Host.Api.Conversations.ConversationRoute;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>Ratings and statistics of a conversation's sessions: the agent session survey, urobot surveys, robot answer usefulness.</summary>
internal static class SurveyEndpoints
{
    public static RouteGroupBuilder MapSurveyEndpoints(this RouteGroupBuilder conversation)
    {
        conversation.MapPost("/survey", Survey)
            .Describe("Rate the agent session", "The customer rates the agent session: `option_id` from the conversation's `survey_options`, optional `remark` and `resolved_state_v2`. 409 when the conversation has had no agent session.")
            .ProducesUdeskAnswer<UdeskResponse>()
            .ProducesProblems(404, 409, 413);
        conversation.MapPost("/robot-survey", RobotSurvey)
            .Describe("Rate the urobot session", "The customer rates the urobot session (`option_id` 2 satisfied, 3 average, 4 unsatisfied). 409 without a urobot session.")
            .ProducesUdeskAnswer<UdeskResponse>()
            .ProducesProblems(404, 409, 413);
        conversation.MapPost("/answer-survey", AnswerSurvey)
            .Describe("Rate a urobot answer", "The customer rates one urobot answer (`message_id` = its `logId`; `option_id` 1 satisfied, the default, or 2 unsatisfied). 409 without a urobot session.")
            .ProducesUdeskAnswer<UdeskResponse>()
            .ProducesProblems(404, 409, 413);
        conversation.MapPost("/robot-usefulness", RobotUsefulness)
            .Describe("Rate a robot answer", "The customer says whether a knowledge-base robot answer (`message_id`, `question_id` from its push) was `useful`.")
            .ProducesUdeskAnswer<UdeskResponse>()
            .ProducesProblems(404, 413);
        conversation.MapPost("/transfer-survey", TransferSurvey)
            .Describe("Record a transfer to a human", "Counts the urobot session as escalated to a human in Udesk's statistics. 409 without a urobot session.")
            .ProducesUdeskAnswer<UdeskResponse>()
            .ProducesProblems(404, 409);
        return conversation;
    }

    private static async Task<IResult> Survey([AsParameters] ConversationRoute route, SessionSurveyBody? body) =>
        route.Check(body, b => b.Problem()) ?? await route.WithState(state =>
        {
            if (state.ImSubSessionId is not { } session)
            {
                return Conflict("The conversation has had no agent session to rate.");
            }

            var offered = SurveyChoices.Of(state.SurveyOptions);
            var option = body!.OptionId!.Value;
            return offered.Count > 0 && !offered.Contains(option)
                ? Task.FromResult(Invalid("option_id", $"option_id must be one of the session's survey options: {string.Join(", ", offered.Order())}."))
                : route.Call(
                    CallPriority.Session,
                    (udesk, ct) => udesk.SubmitSessionSurveyAsync(new SessionSurveyRequest(session.Value, option) { Remark = body.Remark, ResolvedStateV2 = body.ResolvedStateV2 }, ct));
        });

    private static async Task<IResult> RobotSurvey([AsParameters] ConversationRoute route, UrobotSurveyBody? body) =>
        route.Check(body, b => b.Problem()) ?? await route.WithState(state => UrobotContext.Require(state, urobot => route.Call(
            CallPriority.Session,
            (udesk, ct) => udesk.SubmitUrobotSurveyAsync(
                new UrobotSurveyRequest(route.Token, urobot.SessionId, body!.OptionId!.Value, urobot.RobotId, urobot.SceneId) { Remark = body.Remark }, ct))));

    private static async Task<IResult> AnswerSurvey([AsParameters] ConversationRoute route, AnswerSurveyBody? body) =>
        route.Check(body, b => b.Problem()) ?? await route.WithState(state => UrobotContext.Require(state, urobot => route.Call(
            CallPriority.Session,
            (udesk, ct) => udesk.SubmitAnswerSurveyAsync(
                new AnswerSurveyRequest(route.Token, body!.MessageId!.Value, urobot.SessionId, body.OptionId ?? 1, urobot.RobotId, urobot.SceneId), ct))));

    private static async Task<IResult> RobotUsefulness([AsParameters] ConversationRoute route, RobotUsefulnessBody? body) =>
        route.Check(body, b => b.Problem()) ?? await route.WithState(_ => route.Call(
            CallPriority.Session,
            (udesk, ct) => udesk.RateRobotAnswerAsync(new RobotUsefulnessRequest(route.Token, body!.MessageId!, body.QuestionId!.Value, body.Useful!.Value), ct)));

    private static Task<IResult> TransferSurvey([AsParameters] ConversationRoute route) =>
        route.WithState(state => UrobotContext.Require(state, urobot => route.Call(
            CallPriority.Session,
            (udesk, ct) => udesk.RecordTransferSurveyAsync(new TransferSurveyRequest(urobot.SessionId, urobot.RobotId, urobot.SceneId), ct))));
}
