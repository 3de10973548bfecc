using Akka.Actor;
using BenchmarkDotNet.Attributes;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Serialization;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Bench.Micro;

/// <summary>
/// <see cref="ConversationSerializer"/> round trips: a pushed message event (what the journal writes per pushed
/// message) and the snapshot of a busy conversation (what recovery reads first).
/// </summary>
[MemoryDiagnoser]
public class SerializerBenchmarks
{
    private ActorSystem system = null!;
    private ConversationSerializer serializer = null!;
    private MessageReceived message = null!;
    private ConversationState snapshot = null!;
    private string messageManifest = "";
    private string snapshotManifest = "";

    [GlobalSetup]
    public void Setup()
    {
        system = ActorSystem.Create("micro");
        serializer = new ConversationSerializer((ExtendedActorSystem)system);
        message = MicroSamples.MessageEvent();
        snapshot = MicroSamples.BusyAgentConversation();
        messageManifest = serializer.Manifest(message);
        snapshotManifest = serializer.Manifest(snapshot);
    }

    [GlobalCleanup]
    public void Cleanup() => system.Terminate().Wait();

    [Benchmark]
    public object MessageEventRoundTrip() => serializer.FromBinary(serializer.ToBinary(message), messageManifest);

    [Benchmark]
    public object SnapshotRoundTrip() => serializer.FromBinary(serializer.ToBinary(snapshot), snapshotManifest);
}
