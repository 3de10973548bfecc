using BenchmarkDotNet.Attributes;
using Orchestrator.Conversations.Domain;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Bench.Micro;

/// <summary>
/// One step of a busy conversation (agent session, dedupe windows full): deciding a pushed message and a platform
/// message (<see cref="ConversationDecider"/>, which also applies what it decides), and applying an event on its own
/// (what recovery does per event).
/// </summary>
[MemoryDiagnoser]
public class StateTransitionBenchmarks
{
    private ConversationState state = null!;
    private ApplyPush push = null!;
    private SendMessage send = null!;
    private MessageReceived received = null!;

    [GlobalSetup]
    public void Setup()
    {
        state = MicroSamples.BusyAgentConversation();
        push = MicroSamples.PushCommand(1, "fresh-");
        send = new SendMessage(MicroSamples.Id, "fresh-send", "message", new MessagePayload { Content = "Where is my order?" });
        received = MicroSamples.MessageEvent() with { Seq = state.Seq + 1, MessageId = "fresh-received" };
    }

    [Benchmark]
    public Decision DecidePushedMessage() => ConversationDecider.Decide(state, push, MicroSamples.Now);

    [Benchmark]
    public Decision DecidePlatformMessage() => ConversationDecider.Decide(state, send, MicroSamples.Now);

    [Benchmark]
    public ConversationState ApplyMessageReceived() => state.Apply(received);
}
