using System.Text.Json;
using System.Text.Json.Serialization;
using static Orchestrator.Conversations.Domain.ConversationEvents;

namespace Orchestrator.Conversations.Serialization;

/// <summary>
/// Conversation events of several types inside one message: each as <c>{"manifest": …, "event": …}</c>, the event in
/// the JSON it has in the journal, named by its <see cref="ConversationManifests"/> entry, so the list carries what
/// the journal holds and reads back under the same names.
/// </summary>
public sealed class ManifestedEventsConverter : JsonConverter<IReadOnlyList<Event>>
{
    private const string ManifestProperty = "manifest";
    private const string EventProperty = "event";

    public override IReadOnlyList<Event> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var events = new List<Event>();
        foreach (var item in JsonElement.ParseValue(ref reader).EnumerateArray())
        {
            var manifest = item.GetProperty(ManifestProperty).GetString()!;
            events.Add((Event)(item.GetProperty(EventProperty).Deserialize(ConversationManifests.TypeOf(manifest), options)
                ?? throw new JsonException($"The '{manifest}' event is null.")));
        }

        return events;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Event> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var e in value)
        {
            writer.WriteStartObject();
            writer.WriteString(ManifestProperty, ConversationManifests.Of(e.GetType()));
            writer.WritePropertyName(EventProperty);
            JsonSerializer.Serialize(writer, e, e.GetType(), options);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
