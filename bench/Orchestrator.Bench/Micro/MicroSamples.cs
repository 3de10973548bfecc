using System.Text.Json;
using Orchestrator.Bench.Load;
using Orchestrator.Conversations.Domain;
using Orchestrator.Udesk.Pushes;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Bench.Micro;

/// <summary>The inputs the micro-benchmarks share: push bodies as Udesk sends them and conversations mid-session.</summary>
internal static class MicroSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 52, 11, TimeSpan.Zero);
    public static readonly ConversationId Id = new("default", "customer-42");
    public const long SessionId = 10_000_042;

    public static byte[] AgentPush(int messages) => PushPayloads.AgentMessages(Id.CustomerToken, SessionId, "m", 0, messages);

    /// <summary>The parsed messages of a push, as the webhook hands them to the conversation.</summary>
    public static ApplyPush PushCommand(int messages, string idPrefix = "m")
    {
        var parsed = (ReplyNotification)UdeskPushParser.Parse(PushPayloads.AgentMessages(Id.CustomerToken, SessionId, idPrefix, 0, messages));
        return new ApplyPush(Id, parsed.AssignType, PushedItems.From(parsed));
    }

    /// <summary>
    /// A conversation in an agent session whose dedupe windows are full (it has seen at least 256 pushed ids and
    /// accepted 256 platform message ids): the steady state of a long conversation, and the largest snapshot.
    /// </summary>
    public static ConversationState BusyAgentConversation()
    {
        var state = ConversationState.Initial(new ConversationRules());
        state = Apply(state, ConversationDecider.Decide(state, PushCommand(1, "start"), Now));
        state = state.Apply(new AgentSessionStarted(state.Seq + 1, Now, new SessionId(SessionId), new AgentInfo(397, "Tom", "https://123.com/1.png"), null, "start-session", null));
        for (var i = 0; i < 300; i++)
        {
            state = Apply(state, ConversationDecider.Decide(state, PushCommand(1, $"seen-{i}-"), Now));
            state = Apply(state, ConversationDecider.Decide(state, new SendMessage(Id, $"sent-{i}", "message", new MessagePayload { Content = "Where is my order?" }), Now));
            var queued = state.Outbox[0].Seq;
            state = state.Apply(new UdeskCallCompleted(state.Seq + 1, Now, queued, new Orchestrator.Conversations.Outbox.CallOutcome.Done()));
        }

        return state;
    }

    public static MessageReceived MessageEvent()
    {
        var raw = JsonDocument.Parse(AgentPush(1)).RootElement.GetProperty("messages")[0].Clone();
        return new MessageReceived(1234, Now, "m0", "agent", "message", true, new SessionId(SessionId), raw);
    }

    private static ConversationState Apply(ConversationState state, Decision decision) => state.Apply(decision.Events);
}
