using System.Reflection;
using System.Text.Json.Serialization;
using Orchestrator.Conversations.Delivery;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Outbox;
using Orchestrator.Conversations.Serialization;
using Orchestrator.Conversations.Sessions;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using static Orchestrator.Conversations.Domain.ConversationEvents;
using static Orchestrator.Conversations.Domain.ConversationReplies;

namespace Orchestrator.Conversations.Tests.Serialization;

/// <summary>Nothing persisted or sent across nodes may fall back to Akka's default serializer.</summary>
public sealed class SerializerBindingTests(SerializationHost host) : IClassFixture<SerializationHost>
{
    public static TheoryData<Type> SerializedTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in ConversationManifests.Types)
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void Every_event_command_reply_and_the_snapshot_has_a_manifest()
    {
        var bases = new[]
        {
            typeof(Event), typeof(Command), typeof(Reply), typeof(ConversationState), typeof(SessionIndexMessages.SessionMessage), typeof(SessionIndexMessages.OwnerRecorded),
            typeof(DeliveryEvents.Event), typeof(DeliveryCommands.Command), typeof(DeliveryReplies.Reply), typeof(DeliveryState),
            typeof(DeadLetterIndexMessages.Event), typeof(DeadLetterIndexMessages.Command), typeof(DeadLetterIndexState),
        };
        var needing = typeof(ConversationState).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && bases.Any(b => b.IsAssignableFrom(t)))
            .ToHashSet();

        var missing = needing.Except(ConversationManifests.Types).Select(t => t.FullName);

        Assert.Empty(missing);
        Assert.Contains(typeof(SessionClosed), needing);
    }

    [Theory]
    [MemberData(nameof(SerializedTypes))]
    public void Akka_picks_the_conversation_serializer(Type type)
    {
        Assert.IsType<ConversationSerializer>(host.Serialization.FindSerializerForType(type));
    }

    [Fact]
    public void A_type_without_a_manifest_is_refused_rather_than_written_under_a_guess()
    {
        var serializer = (ConversationSerializer)host.Serialization.FindSerializerForType(typeof(Accepted));

        var refused = Assert.Throws<ArgumentException>(() => serializer.Manifest(new Unregistered(1, DateTimeOffset.UnixEpoch)));
        Assert.Contains(nameof(Unregistered), refused.Message);
    }

    [Fact]
    public void Every_outbox_call_and_outcome_case_appears_in_the_samples()
    {
        var written = string.Join("\n", SampleMessages.All.Select(s => System.Text.Json.JsonSerializer.Serialize(s, s.GetType(), ConversationSerializer.Options)));

        var discriminators = new[] { typeof(OutboundCall), typeof(CallOutcome) }
            .SelectMany(b => b.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (Property: b.GetCustomAttribute<JsonPolymorphicAttribute>()!.TypeDiscriminatorPropertyName!, Value: (string)a.TypeDiscriminator!)));

        Assert.All(discriminators, d => Assert.Contains($"\"{d.Property}\":\"{d.Value}\"", written));
    }

    [Fact]
    public void Every_manifest_has_a_sample()
    {
        Assert.Empty(ConversationManifests.Types.Except(SampleMessages.All.Select(s => s.GetType())).Select(t => t.Name));
    }

    private sealed record Unregistered(long Seq, DateTimeOffset At) : Event(Seq, At);
}
