using System.Text.Json;
using Orchestrator.Udesk.Sessions;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>Drives the pure decider like the actor does: decide, then apply what was decided.</summary>
internal sealed class ConversationScenario
{
    public static readonly ConversationId Id = new("default", "customer-1");

    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public ConversationState State { get; private set; } = ConversationState.Initial(new ConversationRules { DedupeWindow = 4 });

    public List<Event> History { get; } = [];

    public Decision Last { get; private set; } = null!;

    public Decision Do(Command command)
    {
        Last = ConversationDecider.Decide(State, command, Start.AddSeconds(History.Count));
        State = State.Apply(Last.Events);
        History.AddRange(Last.Events);
        return Last;
    }

    /// <summary>Udesk pushes a batch (read by the real parser, as the webhook does).</summary>
    public Decision Push(string assignType, params JsonElement[] messages) => Do(Pushes.Batch(Id, assignType, messages));

    /// <summary>Udesk answers the oldest outbox call.</summary>
    public Decision Answer(CallOutcome outcome) => Do(new CompleteCall(Id, State.Outbox[0].Seq, outcome));

    public Decision AnswerSession(SessionAnswer answer) => Answer(new CallOutcome.SessionAnswered(answer));

    public ConversationScenario InRobotSession()
    {
        Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Robot }));
        AnswerSession(new SessionAnswer(SessionAnswerKind.Robot) { Welcome = "Hi" });
        return this;
    }

    public ConversationScenario InAgentSession(long session = 3)
    {
        Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));
        AnswerSession(new SessionAnswer(SessionAnswerKind.Agent) { ImSubSessionId = new SessionId(session), Agent = new AgentInfo(1, "TOM", null) });
        return this;
    }

    public ConversationScenario Queued(string? queue = "queue:company:1:agent:486", int position = 3)
    {
        Do(new RequestSession(Id, new SessionRequest { AssignType = AssignType.Agent }));
        AnswerSession(new SessionAnswer(SessionAnswerKind.Queued) { QueueName = queue, Position = position });
        return this;
    }
}
