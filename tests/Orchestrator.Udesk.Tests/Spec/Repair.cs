using System.Text.RegularExpressions;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>
/// A documented fix for a spec example that is not JSON as printed. The fixture keeps the verbatim text; the
/// fix is applied in the test, so the README's claim and the repair cannot drift apart.
/// </summary>
public sealed record Repair(string Reason, Func<string, string> Apply)
{
    /// <summary>Replaces every match of <paramref name="pattern"/>; a pattern that no longer matches is a stale repair.</summary>
    public static Repair Replace(string reason, string pattern, string replacement) => new(reason, text =>
    {
        var regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(regex.IsMatch(text), $"Stale repair: '{pattern}' no longer matches.");
        return regex.Replace(text, replacement);
    });

    /// <summary>The example cannot be mended mechanically: a hand-written fixture stands in for it.</summary>
    public static Repair ReplacedBy(string file, string reason) => new($"{reason} Replaced by {file}.", _ => SpecFixtures.Read(file)) { Replacement = file };

    /// <summary>The fixture that stands in for the example, where there is one.</summary>
    public string? Replacement { get; init; }
}
