using static Orchestrator.Host.Api.Conversations.ConversationRoute;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>Body of <c>POST .../flow</c>: the customer picked a <c>data-type="2"</c> item of a urobot flow.</summary>
/// <param name="FlowId">The item's <c>data-id</c>.</param>
public sealed record FlowBody(long? FlowId)
{
    internal IResult? Problem() => FlowId is null or <= 0 ? Invalid("flow_id", "flow_id is required: the data-id of the chosen flow item.") : null;
}

/// <summary>Body of <c>POST .../hit</c>: the customer clicked something in a urobot answer.</summary>
/// <param name="MessageId">The answer's <c>logId</c>.</param>
/// <param name="QueryType">Udesk's click type.</param>
public sealed record HitBody(long? MessageId, int? QueryType, string? Question = null, long? QuestionId = null)
{
    internal IResult? Problem() =>
        MessageId is null or <= 0 ? Invalid("message_id", "message_id is required: the logId of the urobot answer.")
        : QueryType is null or < 0 ? Invalid("query_type", "query_type is required: Udesk's click type, a whole number.")
        : QuestionId is <= 0 ? Invalid("question_id", "question_id must be positive when given.")
        : null;
}
