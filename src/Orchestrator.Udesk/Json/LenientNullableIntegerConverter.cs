using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Json;

/// <summary>
/// An optional integer that Udesk may send as a number, a numeric string, an empty string or null. What a value
/// that is not a whole number in range means depends on the field: see <see cref="LenientNullableQuantityConverter{T}"/>
/// and <see cref="LenientNullableIdConverter{T}"/>.
/// </summary>
internal abstract class LenientNullableIntegerConverter<T> : JsonConverter<T?>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.String => reader.GetString(),
            _ => throw new JsonException($"Expected a number, found {reader.TokenType}."),
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return T.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole : FromNonInteger(text);
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

    /// <summary>The value of a text that is not a whole number within <typeparamref name="T"/>.</summary>
    protected abstract T? FromNonInteger(string text);
}

/// <summary>A count or measure (<c>duration</c>, <c>ansType</c>): a fraction is rounded to the nearest whole number.</summary>
internal sealed class LenientNullableQuantityConverter<T> : LenientNullableIntegerConverter<T>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    protected override T? FromNonInteger(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && Math.Round(number, MidpointRounding.AwayFromZero) is var rounded
        && rounded >= decimal.CreateChecked(T.MinValue) && rounded <= decimal.CreateChecked(T.MaxValue)
            ? T.CreateChecked(rounded)
            : throw new JsonException($"'{text}' is not a number.");
}

/// <summary>
/// An identifier: a fraction, an out-of-range number or words name nothing we could use, so the field is null rather
/// than the whole object failing (the raw payload keeps what was sent).
/// </summary>
internal sealed class LenientNullableIdConverter<T> : LenientNullableIntegerConverter<T>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    protected override T? FromNonInteger(string text) => null;
}
