using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk.StructuredMessages;
using Orchestrator.Host.Api.OpenApi;
using static Orchestrator.Host.Api.Conversations.ConversationRoute;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>Structured messages (cards with buttons) into the conversation's open agent session.</summary>
internal static class StructMessageEndpoints
{
    public static RouteGroupBuilder MapStructMessageEndpoints(this RouteGroupBuilder conversation)
    {
        conversation.MapPost("/struct-messages", Send)
            .Describe("Send a structured message", "Sends a structured message (a card: `title`, `description`, `img_url`, up to 10 `buttons`) into the open agent session, from its agent. Udesk takes at most one per 2 s per company. 409 without an open agent session with a known agent.")
            .ProducesUdeskAnswer<StructuredMessageResponse>()
            .ProducesProblems(404, 409, 413);
        return conversation;
    }

    private static async Task<IResult> Send([AsParameters] ConversationRoute route, StructMessageBody? body) =>
        route.Check(body, b => b.Problem()) ?? await route.WithState(state =>
            state is { Status: ConversationStatus.Agent, ImSubSessionId: { } session, Agent.Id: { } agent }
                ? UdeskCustomerId.Resolve(route, body!.CustomerId, CallPriority.Session, customer => route.Call(
                    CallPriority.Session,
                    (udesk, ct) => udesk.SendStructuredMessageAsync(new StructuredMessageRequest(session.Value, customer, agent, body.ToUdesk()) { JidResource = body.JidResource }, ct),
                    CallLane.StructuredMessage))
                : Conflict("Structured messages need an open agent session with a known agent."));
}
