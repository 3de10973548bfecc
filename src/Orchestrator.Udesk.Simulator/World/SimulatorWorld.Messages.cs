using Orchestrator.Udesk.Simulator.Pushes;
using Orchestrator.Udesk.Simulator.Wire;

namespace Orchestrator.Udesk.Simulator.World;

// Customer messages, previews, online state and unread bookkeeping.
public sealed partial class SimulatorWorld
{
    /// <summary>Leave-messages on the IM workbench (<c>im_sub_session_id = -2</c>) per agent they name.</summary>
    private readonly Dictionary<long, int> leaveMessages = [];

    internal Refusal? ReceiveCustomerMessage(CustomerMessage message)
    {
        lock (gate)
        {
            // Udesk drops a message id it has seen; the caller's retry is answered as a success.
            var deduplicated = settings.Quirks.MessageIdsDeduplicated;
            if (deduplicated && message.MessageId is { } id && !customerMessageIds.Add(id))
            {
                return null;
            }

            var refusal = message.ImSubSessionId switch
            {
                null or 0 => AskRobot(message),
                -1 => AskUrobot(message),
                -2 => LeaveMessage(message),
                -3 => MessageWhileQueued(message),
                > 0 => MessageToSession(message),
                _ => new Refusal(UdeskCode.SessionClosedOrMissingParameter, $"im_sub_session_id {message.ImSubSessionId} is not a session."),
            };
            if (message.MessageId is { } taken)
            {
                if (refusal is null)
                {
                    effects.CustomerMessageStored(message.CustomerToken, taken);
                }
                else if (deduplicated)
                {
                    customerMessageIds.Remove(taken);
                }
            }

            return refusal;
        }
    }

    internal Refusal? SetPreview(long sessionId, string content)
    {
        lock (gate)
        {
            if (!options.PreviewEnabled)
            {
                return new Refusal(UdeskCode.InterfaceNotActivated, "Interface not activated.");
            }

            LoseSessionByChance(sessionId);
            if (sessions.GetValueOrDefault(sessionId) is not { Open: true } session)
            {
                return new Refusal(UdeskCode.SessionClosedOrMissingParameter, "Session not found or closed.");
            }

            session.Preview = content;
            return null;
        }
    }

    internal Refusal? SetCustomerOnline(string customerToken, bool online)
    {
        lock (gate)
        {
            if (!customers.TryGetValue(customerToken, out var customer))
            {
                return new Refusal(UdeskCode.SessionClosedOrMissingParameter, "Customer not found.");
            }

            customer.Online = online;
            return null;
        }
    }

    /// <summary>Agent messages of the session the customer has not read since going offline, in push format.</summary>
    internal (Refusal? Refusal, IReadOnlyList<AgentPushMessage> Messages) UnreadWhileOffline(long sessionId, long customerId)
    {
        lock (gate)
        {
            return sessions.GetValueOrDefault(sessionId) is not { } session
                ? (new Refusal(UdeskCode.SessionNotFound, "Session not found."), [])
                : session.Customer.Id != customerId
                    ? (new Refusal(UdeskCode.SessionClosedOrMissingParameter, "The session belongs to another customer."), [])
                    : (null, session.UnreadByCustomer.ToList());
        }
    }

    /// <summary>The customer read these agent messages.</summary>
    internal Refusal? MarkAgentMessagesRead(long sessionId, IReadOnlyCollection<string> messageIds)
    {
        lock (gate)
        {
            if (sessions.GetValueOrDefault(sessionId) is not { } session)
            {
                return new Refusal(UdeskCode.SessionNotFound, "Session not found.");
            }

            session.UnreadByCustomer.RemoveAll(m => messageIds.Contains(m.MessageId));
            return null;
        }
    }

    /// <summary>Per known agent: customer messages not yet read in its open sessions, and workbench leave-messages.</summary>
    internal IReadOnlyList<(long AgentId, int Unread, int LeaveMessages)> AgentUnread(IEnumerable<long> agentIds)
    {
        lock (gate)
        {
            return agentIds.Distinct().Where(agents.ContainsKey)
                .Select(id => (id,
                    sessions.Values.Where(s => s.Open && s.Agent.Id == id).Sum(s => s.CustomerMessages.Count(m => !m.ReadByAgent)),
                    leaveMessages.GetValueOrDefault(id)))
                .ToList();
        }
    }

    private Refusal? MessageToSession(CustomerMessage message)
    {
        LoseSessionByChance(message.ImSubSessionId!.Value);
        if (sessions.GetValueOrDefault(message.ImSubSessionId!.Value) is not { Open: true } session || session.Customer.Token != message.CustomerToken)
        {
            return new Refusal(UdeskCode.SessionNotFound, "Session not found or closed.");
        }

        session.CustomerMessages.Add((message.MessageId!, false));
        // The agent now has the message itself, so the typing preview goes.
        session.Preview = "";
        return null;
    }

    private Refusal? LeaveMessage(CustomerMessage message)
    {
        if (message.AgentId is { } agentId)
        {
            leaveMessages[agentId] = leaveMessages.GetValueOrDefault(agentId) + 1;
        }

        return null;
    }

    /// <summary>Held for the agent the customer will get; a customer assigned meanwhile gets it in the session.</summary>
    private Refusal? MessageWhileQueued(CustomerMessage message)
    {
        DropFromQueueByChance(message.CustomerToken);
        if (OpenSession(message.CustomerToken) is { } session)
        {
            session.CustomerMessages.Add((message.MessageId!, false));
            return null;
        }

        if (queue.Find(e => e.Customer.Token == message.CustomerToken) is not { } entry)
        {
            return new Refusal(UdeskCode.SessionNotFound, "The customer is neither queued nor in a session.");
        }

        entry.PendingMessageIds.Add(message.MessageId!);
        return null;
    }
}
