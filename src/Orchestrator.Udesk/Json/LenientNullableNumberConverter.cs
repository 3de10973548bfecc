using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Json;

/// <summary>An optional number that Udesk may send as a number, a numeric string, an empty string or null.</summary>
internal sealed class LenientNullableNumberConverter<T> : JsonConverter<T?>
    where T : struct, INumber<T>
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                // TryParse: a fraction or an out-of-range number is bad input (a JsonException), not an OverflowException.
                var raw = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                return T.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw new JsonException($"{raw} is not a valid {typeof(T).Name}.");
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                throw new JsonException($"'{text}' is not a number.");
            default:
                throw new JsonException($"Expected a number, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteRawValue(number.ToString(null, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
