using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk.StructuredMessages;
using static Orchestrator.Host.Api.Conversations.ConversationRoute;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>Structured messages (cards with buttons) into the conversation's open agent session.</summary>
internal static class StructMessageEndpoints
{
    public static RouteGroupBuilder MapStructMessageEndpoints(this RouteGroupBuilder conversation)
    {
        conversation.MapPost("/struct-messages", Send)
            .WithSummary("Sends a structured message (title, description, img_url, buttons) into the open agent session; at most one per 2 s per company.");
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
