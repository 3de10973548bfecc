using System.Text.Json.Nodes;
using Orchestrator.Udesk.Simulator.Pushes;
using Orchestrator.Udesk.Simulator.Wire;

namespace Orchestrator.Udesk.Simulator.World;

// Session requests, assignment to agents and the queue.
public sealed partial class SimulatorWorld
{
    internal SessionOutcome RequestSession(SessionRequest request)
    {
        lock (gate)
        {
            var customer = CustomerFor(request.CustomerToken);
            QueueTarget? target = request switch
            {
                { AgentId: { } agentId } => new QueueTarget.Agent(agentId),
                { GroupId: { } groupId } => new QueueTarget.Group(groupId),
                { AssignType: "agent" } => new QueueTarget.Anyone(),
                _ => null,
            };
            if (target is null)
            {
                return request.AssignType switch
                {
                    null or "" or "robot" => StartRobot(customer),
                    "urobot" => StartUrobot(customer, request.RobotId, request.SceneId),
                    _ => new SessionOutcome.Refused(new Refusal(UdeskCode.SessionClosedOrMissingParameter, "assign_type must be robot, urobot or agent.")),
                };
            }

            if (target is QueueTarget.Agent(var id) && !agents.ContainsKey(id))
            {
                return new SessionOutcome.NoAgentOnline($"Agent {id} does not exist.");
            }

            if (target is QueueTarget.Group(var group) && !groups.ContainsKey(group))
            {
                return new SessionOutcome.Refused(new Refusal(UdeskCode.GroupNotFound, $"Group {group} does not exist."));
            }

            if (OpenSession(customer.Token) is { } open)
            {
                return new SessionOutcome.Agent(open, Fresh: false);
            }

            DropFromQueueByChance(customer.Token);
            if (queue.Find(e => e.Customer == customer) is { } waiting)
            {
                return new SessionOutcome.Queued(PositionOf(waiting), waiting.QueueName);
            }

            return AssignOrQueue(customer, target, request.Channel ?? "api");
        }
    }

    /// <summary>The customer stops waiting; kept for <c>/im/im_queues</c>.</summary>
    internal Refusal? AbandonQueue(string customerToken, string queueName)
    {
        lock (gate)
        {
            var entry = queue.Find(e => e.Customer.Token == customerToken && e.QueueName == queueName);
            if (entry is null)
            {
                return new Refusal(UdeskCode.SessionClosedOrMissingParameter, "The customer is not in this queue.");
            }

            queue.Remove(entry);
            effects.QueueAbandoned(customerToken, queueName);
            abandoned.Add(new AbandonedQueue(++lastAbandonedId, entry.Customer, entry.Channel, entry.QueueName, entry.EnqueuedAt, Now));
            return null;
        }
    }

    /// <summary>The customer closes their session.</summary>
    internal Refusal? CloseByCustomer(long sessionId)
    {
        lock (gate)
        {
            if (sessions.GetValueOrDefault(sessionId) is not { Open: true } session)
            {
                return new Refusal(UdeskCode.SessionNotFound, "Session not found or closed.");
            }

            EndSession(session, "normal");
            effects.ClosedByApi(session.Customer.Token, session.Id);
            return null;
        }
    }

    /// <summary>Deletes closed sessions created in [from, to], optionally only one customer's.</summary>
    internal int DestroyClosedSessions(DateTimeOffset from, DateTimeOffset to, long? customerId)
    {
        lock (gate)
        {
            var doomed = sessions.Values
                .Where(s => !s.Open && s.CreatedAt >= from && s.CreatedAt <= to && (customerId is null || s.Customer.Id == customerId))
                .Select(s => s.Id)
                .ToList();
            doomed.ForEach(id => sessions.Remove(id));
            return doomed.Count;
        }
    }

    private SessionOutcome StartRobot(CustomerRecord customer)
    {
        robotCustomers.Add(customer.Token);
        effects.SessionCreated(customer.Token, null, "robot");
        return new SessionOutcome.Robot(Seed.Robot);
    }

    private SessionOutcome AssignOrQueue(CustomerRecord customer, QueueTarget target, string channel)
    {
        var candidates = agents.Values.Where(target.Accepts).ToList();
        if (PickFreeAgent(candidates) is { } agent)
        {
            return new SessionOutcome.Agent(StartSession(customer, agent, (target as QueueTarget.Group)?.GroupId, []), Fresh: true);
        }

        if (candidates.All(a => a.Status == ImStatus.Offline))
        {
            return new SessionOutcome.NoAgentOnline("There is no customer service online at the moment");
        }

        var entry = new QueueEntry(++lastQueueSequence, customer, target, QueueName(target), channel, Now);
        queue.Add(entry);
        return new SessionOutcome.Queued(PositionOf(entry), entry.QueueName);
    }

    /// <summary>The least loaded agent that can take a customer; ties are broken by the seeded random source.</summary>
    private AgentState? PickFreeAgent(IEnumerable<AgentState> candidates)
    {
        var free = candidates.Where(a => a.CanTakeCustomer).OrderBy(a => a.Id).ToList();
        if (free.Count == 0)
        {
            return null;
        }

        var lightest = free.Where(a => a.Load == free.Min(f => f.Load)).ToList();
        return lightest[random.NextIndex(lightest.Count)];
    }

    private AgentSession StartSession(CustomerRecord customer, AgentState agent, long? groupId, IEnumerable<string> pendingMessageIds)
    {
        var session = new AgentSession(++lastSessionId, customer, agent, groupId, Now);
        sessions.Add(session.Id, session);
        agent.Load++;
        session.CustomerMessages.AddRange(pendingMessageIds.Select(id => (id, false)));
        effects.SessionCreated(customer.Token, session.Id, "agent");
        PushAgentMessages(session,
        [
            AgentMessage(session, "start_session", new JsonObject { ["content"] = Seed.SessionStartedText }),
            AgentMessage(session, "message", new JsonObject { ["content"] = agent.WelcomeMessage }),
        ]);
        return session;
    }

    /// <summary>Closes a session and frees its agent's place for the next waiting customer.</summary>
    private void EndSession(AgentSession session, string closeType, long? transferredTo = null)
    {
        session.Close(closeType, transferredTo);
        session.Agent.Load--;
        AssignWaitingCustomers();
    }

    /// <summary>Gives free agents to waiting customers, longest-waiting first; everyone behind moves up.</summary>
    private void AssignWaitingCustomers()
    {
        foreach (var entry in queue.ToList())
        {
            if (PickFreeAgent(agents.Values.Where(entry.Target.Accepts)) is { } agent)
            {
                queue.Remove(entry);
                StartSession(entry.Customer, agent, (entry.Target as QueueTarget.Group)?.GroupId, entry.PendingMessageIds);
            }
        }
    }

    private int PositionOf(QueueEntry entry) => queue.Where(e => e.QueueName == entry.QueueName).TakeWhile(e => e != entry).Count() + 1;

    private string QueueName(QueueTarget target) => target switch
    {
        QueueTarget.Agent(var id) => $"queue:company:{options.CompanyId}:agent:{id}",
        QueueTarget.Group(var id) => $"queue:company:{options.CompanyId}:group:{id}",
        _ => $"queue:company:{options.CompanyId}:company",
    };

    private AgentPushMessage AgentMessage(AgentSession session, string type, JsonObject data, AgentState? agent = null)
    {
        var from = agent ?? session.Agent;
        var now = Now;
        // The spec's example writes close times dashed and the others compact; both are sent as it shows them.
        var created = type == "close" ? UdeskTime.Dashed(now) : UdeskTime.Compact(now);
        var odd = random.QuirkHappens(settings.Quirks.OddShapesRate);
        return new AgentPushMessage(type, random.NextMessageId(numeric: odd), from.Id, from.DisplayName, from.Avatar, session.Id, created, data) { OddShape = odd };
    }

    /// <summary>
    /// Records agent-side messages, counts them unread while the customer is offline, and pushes them as one batch,
    /// or one push per message under the <c>SplitBatchRate</c> quirk.
    /// </summary>
    private void PushAgentMessages(AgentSession session, IReadOnlyList<AgentPushMessage> messages)
    {
        session.AgentMessages.AddRange(messages);
        if (!session.Customer.Online)
        {
            session.UnreadByCustomer.AddRange(messages.Where(m => ContentTypes.Contains(m.Type)));
        }

        var batches = messages.Count > 1 && random.QuirkHappens(settings.Quirks.SplitBatchRate)
            ? messages.Select(m => (IReadOnlyList<AgentPushMessage>)[m])
            : [messages];
        foreach (var batch in batches)
        {
            pushes.Enqueue(session.Customer.Token, "agent", batch.Select(m => m.MessageId).ToList(), PushBodies.Agent(session.Customer.Token, batch, random.NextQuirkIndex));
        }
    }

    /// <summary>Message types that are content for the customer, as opposed to events.</summary>
    private static readonly HashSet<string> ContentTypes = ["message", "image", "audio", "video", "file", "rich", "struct"];
}
