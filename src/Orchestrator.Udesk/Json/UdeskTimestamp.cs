using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Json;

/// <summary>
/// A time as Udesk wrote it. Udesk uses several formats ("20170711 09:52:11", "2018-01-01 00:00:00",
/// ISO 8601 with offset, a bare date, unix seconds); the text is kept so it goes back out unchanged, and
/// <see cref="Value"/> reads it, taking Beijing time (+08:00) where no offset is written.
/// </summary>
[JsonConverter(typeof(UdeskTimestampConverter))]
public readonly record struct UdeskTimestamp(string Raw)
{
    /// <summary>Udesk is a Beijing service: times without an offset are China Standard Time.</summary>
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(8);

    private static readonly string[] LocalFormats =
    [
        "yyyyMMdd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy/MM/dd HH:mm:ss",
        "yyyy-MM-dd",
    ];

    // Unix seconds between 2001 and 9999: ten or more digits, so a compact date ("20170711") is not taken for one.
    private const long UnixSecondsMin = 1_000_000_000;
    private const long UnixSecondsMax = 253_402_300_799;

    public DateTimeOffset? Value => TryParse(Raw, out var value) ? value : null;

    /// <summary>Formats a time the way Udesk's query parameters expect it ("2022-05-19 19:50:33", Beijing time).</summary>
    public static UdeskTimestamp From(DateTimeOffset time) =>
        new(time.ToOffset(DefaultOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= UnixSecondsMin and <= UnixSecondsMax)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(DefaultOffset);
            return true;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, DefaultOffset);
            return true;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        value = parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, DefaultOffset)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        return true;
    }

    public override string ToString() => Raw;
}

internal sealed class UdeskTimestampConverter : JsonConverter<UdeskTimestamp>
{
    public override UdeskTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => new UdeskTimestamp(reader.GetString() ?? ""),
            // Unix seconds: seen from some Udesk endpoints; kept as written.
            JsonTokenType.Number => new UdeskTimestamp(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)),
            _ => throw new JsonException($"Expected a time, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, UdeskTimestamp value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Raw);
}
