using System.Runtime.InteropServices;
using System.Text.Json;
using Orchestrator.Bench.Cli;

namespace Orchestrator.Bench.Results;

/// <summary>
/// Writes <c>&lt;scenario&gt;-&lt;store&gt;[-&lt;tag&gt;].json</c> into the results folder (<c>bench/results</c>, gitignored;
/// <c>--out</c> moves it, <c>--tag</c> keeps variants apart).
/// </summary>
internal static class ResultWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string Folder(BenchArguments arguments)
    {
        var folder = arguments.Text("out", Path.Combine(RepositoryRoot(), "bench", "results"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static string Write(BenchResult result, string folder, double backgroundCores)
    {
        var tag = result.Options.GetValueOrDefault("tag");
        var name = string.Join('-', new[] { result.Scenario, result.Store, tag }.Where(p => !string.IsNullOrEmpty(p)));
        var path = Path.Combine(folder, name + ".json");
        var document = new
        {
            scenario = result.Scenario,
            store = result.Store,
            store_description = result.StoreDescription,
            measured_at = DateTimeOffset.UtcNow,
            machine = new
            {
                cores = Environment.ProcessorCount,
                os = RuntimeInformation.OSDescription,
                runtime = RuntimeInformation.FrameworkDescription,
                server_gc = System.Runtime.GCSettings.IsServerGC,
                background_cores_before_run = backgroundCores,
            },
            options = result.Options,
            figures = result.Figures,
            summary = result.SummaryLine,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }

    /// <summary>The folder holding Orchestrator.sln, searched upwards from here and from the binary.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
