using System.Text.Json.Nodes;
using Orchestrator.Udesk.Simulator.Pushes;
using Orchestrator.Udesk.Simulator.Wire;

namespace Orchestrator.Udesk.Simulator.World;

// What agents do, driven by tests, demos and load runs (also through /_sim/). Unknown ids throw
// KeyNotFoundException; requests the world cannot honour throw InvalidOperationException or ArgumentException.
public sealed partial class SimulatorWorld
{
    private static readonly string[] CloseTypes = ["normal", "redirect", "force"];

    /// <summary>Changes an agent; freed places go to waiting customers at once.</summary>
    public AgentView SetAgent(long agentId, ImStatus? status = null, int? capacity = null, string? customStatus = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity ?? 0, nameof(capacity));
        lock (gate)
        {
            var agent = AgentById(agentId);
            agent.Status = status ?? agent.Status;
            agent.Capacity = capacity ?? agent.Capacity;
            agent.CustomStatus = customStatus ?? agent.CustomStatus;
            AssignWaitingCustomers();
            return agent.View();
        }
    }

    /// <summary>The session's agent sends a message of any type; answers its message id.</summary>
    public string AgentReply(long sessionId, string type, JsonObject data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        lock (gate)
        {
            var session = OpenSessionById(sessionId);
            var message = AgentMessage(session, type, (JsonObject)data.DeepClone());
            PushAgentMessages(session, [message]);
            return message.MessageId;
        }
    }

    /// <summary>
    /// Moves the customer to another agent (or the freest agent of a group): the session closes and a new one,
    /// with a new <c>im_sub_session_id</c>, is pushed as <c>transfer</c> then the transfer text.
    /// </summary>
    public SessionView Transfer(long sessionId, long? agentId = null, long? groupId = null)
    {
        lock (gate)
        {
            var session = OpenSessionById(sessionId);
            var target = agentId is { } id ? AgentById(id) : TransferTarget(session, groupId ?? throw new ArgumentException("Name an agent or a group to transfer to."));
            if (target == session.Agent || target.Status == ImStatus.Offline)
            {
                throw new InvalidOperationException($"Agent {target.Id} cannot take the session: it is {(target == session.Agent ? "already serving it" : "offline")}.");
            }

            var next = new AgentSession(++lastSessionId, session.Customer, target, groupId ?? session.GroupId, Now);
            sessions.Add(next.Id, next);
            target.Load++;
            PushTransfer(session, next, target);
            EndSession(session, "transfer", next.Id);
            return next.View();
        }
    }

    /// <summary>
    /// Pushes <c>transfer</c> then the transfer text, both with the new session's id. Quirks: a <c>redirect</c> close
    /// of the old session first (<c>RedirectCloseOnTransferRate</c>); the text in a batch before the one with
    /// <c>transfer</c> (<c>LateTransferRate</c>).
    /// </summary>
    private void PushTransfer(AgentSession old, AgentSession next, AgentState target)
    {
        var quirks = settings.Quirks;
        if (random.QuirkHappens(quirks.RedirectCloseOnTransferRate))
        {
            PushAgentMessages(old, [AgentMessage(old, "close", new JsonObject { ["close_type"] = "redirect", ["content"] = Seed.SessionClosedText })]);
        }

        var transfer = AgentMessage(next, "transfer", new JsonObject { ["content"] = Seed.TransferText });
        var text = AgentMessage(next, "message", new JsonObject { ["content"] = Seed.TransferredText.Replace("{agent}", target.DisplayName, StringComparison.Ordinal) });
        if (random.QuirkHappens(quirks.LateTransferRate))
        {
            PushAgentMessages(next, [text]);
            PushAgentMessages(next, [transfer]);
        }
        else
        {
            PushAgentMessages(next, [transfer, text]);
        }
    }

    /// <summary>The agent side closes the session (<c>normal</c>, <c>redirect</c> or <c>force</c>), offering the survey unless told not to.</summary>
    public void Close(long sessionId, string closeType = "normal", bool? offerSurvey = null)
    {
        if (!CloseTypes.Contains(closeType))
        {
            throw new ArgumentException($"close_type must be one of {string.Join(", ", CloseTypes)}.", nameof(closeType));
        }

        lock (gate)
        {
            var session = OpenSessionById(sessionId);
            var data = new JsonObject { ["close_type"] = closeType, ["content"] = Seed.SessionClosedText };
            if (offerSurvey ?? Seed.SurveyEnabled)
            {
                data["survey_options"] = SurveyOptionsDocument.Create();
            }

            PushAgentMessages(session, [AgentMessage(session, "close", data)]);
            EndSession(session, closeType);
        }
    }

    /// <summary>The agent reads the customer's messages; a read-status push names them. Answers the ids read.</summary>
    public IReadOnlyList<string> AgentReadsCustomerMessages(long sessionId)
    {
        lock (gate)
        {
            var session = sessions.GetValueOrDefault(sessionId) ?? throw new KeyNotFoundException($"Session {sessionId} does not exist.");
            var unread = session.CustomerMessages.Where(m => !m.ReadByAgent).Select(m => m.MessageId).ToList();
            for (var i = 0; i < session.CustomerMessages.Count; i++)
            {
                session.CustomerMessages[i] = (session.CustomerMessages[i].MessageId, true);
            }

            if (unread.Count > 0)
            {
                pushes.Enqueue(session.Customer.Token, "read_status", unread, PushBodies.ReadStatus(session.Id, unread));
            }

            return unread;
        }
    }

    private AgentState AgentById(long agentId) =>
        agents.GetValueOrDefault(agentId) ?? throw new KeyNotFoundException($"Agent {agentId} does not exist.");

    private AgentSession OpenSessionById(long sessionId) => sessions.GetValueOrDefault(sessionId) switch
    {
        null => throw new KeyNotFoundException($"Session {sessionId} does not exist."),
        { Open: false } => throw new InvalidOperationException($"Session {sessionId} is closed."),
        var open => open,
    };

    private AgentState TransferTarget(AgentSession session, long groupId)
    {
        if (!groups.ContainsKey(groupId))
        {
            throw new KeyNotFoundException($"Group {groupId} does not exist.");
        }

        return PickFreeAgent(agents.Values.Where(a => a.GroupIds.Contains(groupId) && a != session.Agent))
            ?? throw new InvalidOperationException($"No agent of group {groupId} can take the session.");
    }
}
