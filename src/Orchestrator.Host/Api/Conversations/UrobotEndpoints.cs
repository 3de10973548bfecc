using Orchestrator.Conversations.Outbox;
using Orchestrator.Udesk.Robots;
using Orchestrator.Host.Api.OpenApi;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>What the customer does inside urobot answers: pick a flow item, click a suggestion or link.</summary>
internal static class UrobotEndpoints
{
    public static RouteGroupBuilder MapUrobotEndpoints(this RouteGroupBuilder conversation)
    {
        conversation.MapPost("/flow", Flow)
            .Describe("Pick a urobot flow item", "The customer picked a `data-type=\"2\"` item of a urobot flow (`flow_id` = its `data-id`); the urobot answers with the next step by push. 409 without a urobot session.")
            .ProducesUdeskAnswer<UdeskResponse>()
            .ProducesProblems(404, 409, 413);
        conversation.MapPost("/hit", Hit)
            .Describe("Record a urobot click", "Records a click in a urobot answer (`message_id` = the answer's `logId`, `query_type` = Udesk's click type). 409 without a urobot session.")
            .ProducesUdeskAnswer<UdeskResponse>()
            .ProducesProblems(404, 409, 413);
        return conversation;
    }

    private static async Task<IResult> Flow([AsParameters] ConversationRoute route, FlowBody? body) =>
        route.Check(body, b => b.Problem()) ?? await route.WithState(state => UrobotContext.Require(state, urobot => route.Call(
            CallPriority.Session,
            (udesk, ct) => udesk.SelectFlowAsync(new FlowRequest(route.Token, urobot.SessionId, body!.FlowId!.Value, urobot.RobotId, urobot.SceneId), ct))));

    private static async Task<IResult> Hit([AsParameters] ConversationRoute route, HitBody? body) =>
        route.Check(body, b => b.Problem()) ?? await route.WithState(state => UrobotContext.Require(state, urobot => route.Call(
            CallPriority.Session,
            (udesk, ct) => udesk.RecordHitAsync(
                new HitRequest(route.Token, urobot.SessionId, body!.MessageId!.Value, urobot.RobotId, body.QueryType!.Value)
                {
                    Question = body.Question,
                    QuestionId = body.QuestionId,
                    SceneId = urobot.SceneId,
                },
                ct))));
}
