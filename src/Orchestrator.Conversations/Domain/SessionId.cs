using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// An agent session at Udesk (its <c>im_sub_session_id</c>): not to be mixed up with the other numbers around it
/// (agent, robot, scene and urobot session ids, sequence numbers), nor with the route codes Udesk overloads
/// <c>im_sub_session_id</c> with (0 robot, -1 urobot, -2 workbench, -3 queue). Written as a plain number, so the
/// journal reads as before.
/// </summary>
[JsonConverter(typeof(SessionIdJsonConverter))]
public readonly record struct SessionId(long Value) : IComparable<SessionId>
{
    /// <summary>Udesk's session ids grow: a larger one is a later session.</summary>
    public int CompareTo(SessionId other) => Value.CompareTo(other.Value);

    public static bool operator >(SessionId left, SessionId right) => left.Value > right.Value;

    public static bool operator <(SessionId left, SessionId right) => left.Value < right.Value;

    public static bool operator >=(SessionId left, SessionId right) => left.Value >= right.Value;

    public static bool operator <=(SessionId left, SessionId right) => left.Value <= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed class SessionIdJsonConverter : JsonConverter<SessionId>
{
    public override SessionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, SessionId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
