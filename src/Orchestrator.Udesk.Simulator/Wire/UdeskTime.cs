using System.Globalization;

namespace Orchestrator.Udesk.Simulator.Wire;

/// <summary>Udesk writes Beijing time (+08:00), in several formats; these are the ones the spec shows.</summary>
internal static class UdeskTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private static readonly string[] QueryFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyyMMdd HH:mm:ss", "yyyy/MM/dd HH:mm:ss"];

    /// <summary>"20170711 09:52:11", as in the spec's agent push example.</summary>
    public static string Compact(DateTimeOffset time) => time.ToOffset(Offset).ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"2018-01-01 00:00:00", as on the spec's <c>close</c> push.</summary>
    public static string Dashed(DateTimeOffset time) => time.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"2022-03-25T15:55:20.000+08:00", as in list answers.</summary>
    public static string Iso(DateTimeOffset time) => time.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>Reads a time parameter; times without an offset are Beijing time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (DateTime.TryParseExact(text.Trim(), QueryFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            time = new DateTimeOffset(local, Offset);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }
}
