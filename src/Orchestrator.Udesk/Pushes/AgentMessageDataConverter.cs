using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.Pushes;

/// <summary>
/// Applied to the property, not the type, so the object itself is read by the default contract. Reads a <c>data</c>
/// sent as a bare string as <c>{"content": that string}</c>: some senders put the text there directly.
/// </summary>
internal sealed class AgentMessageDataConverter : JsonConverter<AgentMessageData>
{
    public override AgentMessageData? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new AgentMessageData { Content = reader.GetString() }
            : NestedJson.Deserialize<AgentMessageData>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, AgentMessageData value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
