using System.Text.Json.Nodes;
using Orchestrator.Udesk.Simulator.Wire;

namespace Orchestrator.Udesk.Simulator.World;

// Session satisfaction surveys and structured messages: customer-side actions on an agent session.
public sealed partial class SimulatorWorld
{
    internal bool SurveyEnabled => Seed.SurveyEnabled;

    internal Refusal? SubmitSessionSurvey(long sessionId, long optionId)
    {
        lock (gate)
        {
            if (sessions.GetValueOrDefault(sessionId) is not { } session)
            {
                return new Refusal(UdeskCode.SessionNotFound, "Session not found.");
            }

            if (!Seed.SurveyEnabled || !SurveyOptionsDocument.OptionIds.Contains(optionId))
            {
                return new Refusal(UdeskCode.SessionClosedOrMissingParameter, $"option_id {optionId} is not one of the session's survey options.");
            }

            session.SurveyOptionId = optionId;
            return null;
        }
    }

    /// <summary>A structured card into an open session, pushed to the customer as a <c>struct</c> message.</summary>
    internal Refusal? SendStructuredMessage(long sessionId, long customerId, long agentId, JsonObject data)
    {
        lock (gate)
        {
            if (sessions.GetValueOrDefault(sessionId) is not { Open: true } session)
            {
                return new Refusal(UdeskCode.SessionNotFound, "Session not found or closed.");
            }

            if (session.Customer.Id != customerId || session.Agent.Id != agentId)
            {
                return new Refusal(UdeskCode.SessionClosedOrMissingParameter, "customer_id and agent_id must be the session's.");
            }

            PushAgentMessages(session, [AgentMessage(session, "struct", (JsonObject)data.DeepClone())]);
            effects.StructuredMessageSent(session.Customer.Token);
            return null;
        }
    }
}
