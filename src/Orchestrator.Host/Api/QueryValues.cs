using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Orchestrator.Host.Api;

/// <summary>Reads query parameters, answering a 400 problem that names the parameter when one is malformed.</summary>
internal static class QueryValues
{
    public static IResult? OptionalId(string? text, string field, out long? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
        {
            return Invalid(field, $"{field} must be a positive whole number.");
        }

        value = parsed;
        return null;
    }

    public static IResult? Int(string? text, string field, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max
            ? null
            : Invalid(field, $"{field} must be a whole number from {min} to {max}.");
    }

    /// <summary>
    /// A page of a list numbered by id: <c>after</c> (0 or an id; default 0) and <c>limit</c> (1 to
    /// <paramref name="maxLimit"/>; default 100).
    /// </summary>
    public static IResult? Page(string? afterText, string? limitText, int maxLimit, string idName, out long after, out int limit)
    {
        after = 0;
        return Int(limitText, "limit", 100, 1, maxLimit, out limit)
            ?? (afterText is null || (long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after >= 0)
                ? null
                : Invalid("after", $"after must be 0 or {idName}."));
    }

    /// <summary>A journal offset to resume after: absent for the start, else 0 or a whole number.</summary>
    public static IResult? Offset(string? text, out long value)
    {
        value = 0;
        return text is null || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0)
            ? null
            : Invalid("offset", "offset must be 0 or the offset of an exported line.");
    }

    /// <summary>An ISO 8601 time; without an offset it is taken as UTC.</summary>
    public static IResult? RequiredTime(string? text, string field, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid(field, $"{field} is required: an ISO 8601 time such as 2025-11-25T08:00:00Z.");
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            ? null
            : Invalid(field, $"{field} must be an ISO 8601 time such as 2025-11-25T08:00:00Z.");
    }

    /// <summary><paramref name="from"/> must not be after <paramref name="to"/>; the problem names <c>from</c>.</summary>
    public static IResult? Window(string? fromText, string? toText, out DateTimeOffset from, out DateTimeOffset to)
    {
        to = default;
        return RequiredTime(fromText, "from", out from)
            ?? RequiredTime(toText, "to", out to)
            ?? (from > to ? Invalid("from", "from must not be after to.") : null);
    }

    /// <summary>Ids given as a repeated parameter, comma-separated, or both: 1 to <paramref name="max"/> of them.</summary>
    public static IResult? IdList(StringValues values, string field, int max, out IReadOnlyList<long> ids)
    {
        var parsed = new List<long>();
        ids = parsed;
        foreach (var part in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return Invalid(field, $"{field} must be positive whole numbers; '{part}' is not.");
            }

            parsed.Add(id);
        }

        return parsed.Count is 0 || parsed.Count > max ? Invalid(field, $"{field} must name 1 to {max} ids (repeat the parameter or separate them with commas).") : null;
    }

    private static IResult Invalid(string field, string detail) => Problems.Result(Problems.Invalid(field, detail));
}
