using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Orchestrator.Udesk.Json;

/// <summary>
/// Finds text that is not valid Unicode. <see cref="JsonDocument"/> accepts invalid UTF-8 and lone surrogate escapes
/// (<c>"\ud800"</c>) inside strings and names; they only fail, with an <see cref="InvalidOperationException"/>, when
/// the text is read or the element written again. Checking first keeps that failure out of the journal.
/// </summary>
internal static class JsonUnicode
{
    /// <summary>
    /// The path (relative to <paramref name="element"/>, e.g. <c>data.gus_list[0]</c>) of the first string or property
    /// name that is not valid Unicode; <c>""</c> for <paramref name="element"/> itself; null when all text is valid.
    /// </summary>
    public static string? FindInvalid(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsValid(JsonMarshal.GetRawUtf8Value(element)) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsValid(JsonMarshal.GetRawUtf8PropertyName(property)))
                    {
                        return $"{path}{(path.Length == 0 ? "" : ".")}(a property name)";
                    }

                    if (FindInvalid(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalid(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether raw JSON string text (still escaped) is valid UTF-8 whose <c>\u</c> escapes pair their surrogates.</summary>
    public static bool IsValid(ReadOnlySpan<byte> escaped)
    {
        if (!Utf8.IsValid(escaped))
        {
            return false;
        }

        for (var i = escaped.IndexOf((byte)'\\'); i >= 0 && i < escaped.Length; i++)
        {
            if (escaped[i] != '\\')
            {
                continue;
            }

            if (!TryReadUnicodeEscape(escaped, i, out var unit))
            {
                i++; // a two-character escape such as \" or \\: skip its second character
                continue;
            }

            if (char.IsLowSurrogate(unit))
            {
                return false;
            }

            if (char.IsHighSurrogate(unit))
            {
                if (!TryReadUnicodeEscape(escaped, i + 6, out var low) || !char.IsLowSurrogate(low))
                {
                    return false;
                }

                i += 6;
            }

            i += 5;
        }

        return true;
    }

    private static bool TryReadUnicodeEscape(ReadOnlySpan<byte> text, int at, out char unit)
    {
        unit = default;
        if (at + 6 > text.Length || text[at] != '\\' || text[at + 1] != 'u')
        {
            return false;
        }

        var value = 0;
        foreach (var digit in text.Slice(at + 2, 4))
        {
            var nibble = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0)
            {
                return false;
            }

            value = (value << 4) | nibble;
        }

        unit = (char)value;
        return true;
    }
}
