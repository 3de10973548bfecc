using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Json;

/// <summary>An optional flag that Udesk may send as true/false, 1/0, "true"/"1" or an empty string.</summary>
internal sealed class LenientNullableBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number => reader.TryGetInt64(out var number)
                ? number != 0
                : throw new JsonException($"{System.Text.Encoding.UTF8.GetString(reader.ValueSpan)} is not a flag."),
            JsonTokenType.String => reader.GetString()?.Trim().ToLowerInvariant() switch
            {
                null or "" => null,
                "true" or "1" => true,
                "false" or "0" => false,
                var other => throw new JsonException($"'{other}' is not a flag."),
            },
            _ => throw new JsonException($"Expected a flag, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
