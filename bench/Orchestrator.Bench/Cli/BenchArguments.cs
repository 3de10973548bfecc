using System.Globalization;

namespace Orchestrator.Bench.Cli;

/// <summary>
/// <c>&lt;scenario&gt; [--name value]...</c>: the scenario first, then options. Every option read is remembered with
/// the value used (given or default), so a result file says exactly how it was measured.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> given;
    private readonly SortedDictionary<string, string> used = new(StringComparer.Ordinal);

    private BenchArguments(string scenario, Dictionary<string, string> given)
    {
        Scenario = scenario;
        this.given = given;
    }

    public string Scenario { get; }

    /// <summary>Every option a scenario read, with the value it used.</summary>
    public IReadOnlyDictionary<string, string> Used => used;

    /// <summary>Options given that no scenario read (likely misspelt).</summary>
    public IEnumerable<string> Unused => given.Keys.Where(k => !used.ContainsKey(k));

    public static BenchArguments Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("The first argument names the scenario.");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option (--name value), got '{args[i]}'.");
            }

            var name = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            options[name] = value;
        }

        return new BenchArguments(args[0], options);
    }

    public string Text(string name, string fallback) => Remember(name, given.GetValueOrDefault(name) ?? fallback);

    public int Int(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public double Number(string name, double fallback) => double.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public bool Flag(string name) => Text(name, "false") is "true" or "1" or "yes";

    /// <summary>A comma-separated list of integers, e.g. <c>--events 1000,10000</c>.</summary>
    public IReadOnlyList<int> Ints(string name, params int[] fallback) =>
        Text(name, string.Join(',', fallback)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();

    private string Remember(string name, string value)
    {
        used[name] = value;
        return value;
    }
}
