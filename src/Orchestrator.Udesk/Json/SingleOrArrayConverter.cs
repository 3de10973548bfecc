using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Json;

/// <summary>A list that Udesk sometimes sends as a single object (urobot <c>messages</c>). Written as an array.</summary>
public sealed class SingleOrArrayConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return NestedJson.Deserialize<List<T>>(ref reader, options);
        }

        var single = NestedJson.Deserialize<T>(ref reader, options);
        return single is null ? [] : [single];
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToList(), options);
}
