using System.Runtime.InteropServices;
using System.Text.Json;

namespace Orchestrator.Udesk.Json;

/// <summary>
/// Reads single fields of a <see cref="JsonElement"/> that may hold invalid Unicode without ever throwing: names are
/// compared as raw bytes and text is checked by <see cref="JsonUnicode"/> before it is transcoded.
/// </summary>
internal static class SafeJson
{
    /// <summary>The value of the (last) property named exactly <paramref name="name"/>, when <paramref name="value"/> is an object.</summary>
    public static JsonElement? Find(JsonElement value, ReadOnlySpan<byte> name)
    {
        JsonElement? found = null;
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (JsonMarshal.GetRawUtf8PropertyName(property).SequenceEqual(name))
                {
                    found = property.Value;
                }
            }
        }

        return found;
    }

    /// <summary>A string of valid Unicode, or a number as written; otherwise null.</summary>
    public static string? TextOf(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String when JsonUnicode.IsValid(JsonMarshal.GetRawUtf8Value(value.Value)) => value.Value.GetString(),
        JsonValueKind.Number => value.Value.GetRawText(),
        _ => null,
    };
}
