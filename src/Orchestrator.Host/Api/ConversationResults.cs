using Orchestrator.Conversations.Domain;
using Orchestrator.Host.Api.Contracts;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Host.Api;

/// <summary>A conversation's reply as HTTP: 202 when persisted, 400/409 when refused, 503 when it did not answer.</summary>
internal static class ConversationResults
{
    public static IResult Of(Reply? reply) => reply switch
    {
        Accepted accepted => Results.Accepted(value: new AcceptedResponse(accepted.Seq)),
        AlreadyAccepted already => Results.Accepted(value: new AcceptedResponse(already.Seq, Duplicate: true)),
        Rejected { Reason: RejectionReason.Conflict } rejected => Problems.Result(Problems.Conflict(rejected.Detail)),
        Rejected rejected => Problems.Result(Problems.Invalid("body", rejected.Detail)),
        null => Problems.Result(Problems.Unavailable("The conversation did not answer in time; the command may still be applied. Retry with the same message_id.")),
        _ => throw new InvalidOperationException($"Unexpected reply {reply.GetType().Name}."),
    };
}
