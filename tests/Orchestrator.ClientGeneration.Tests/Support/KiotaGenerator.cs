using System.Diagnostics;

namespace Orchestrator.ClientGeneration.Tests.Support;

/// <summary>
/// Kiota (the repository's local dotnet tool, <c>.config/dotnet-tools.json</c>; <c>dotnet tool restore</c> installs
/// it) generating the C# client from an OpenAPI document, exactly as <see cref="GeneratedClient"/> says.
/// </summary>
public static class KiotaGenerator
{
    public const string ClientClass = "OrchestratorClient";
    public const string Namespace = "Orchestrator.Client";

    /// <summary>Files Kiota writes beside the code that name the machine it ran on: not part of the client.</summary>
    public static readonly string[] Bookkeeping = ["kiota-lock.json", ".kiota.log"];

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Generates the client from <paramref name="document"/> into <paramref name="output"/> (emptied first).</summary>
    public static async Task GenerateAsync(string document, string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = GeneratedClient.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true", ["KIOTA_TUTORIAL_ENABLED"] = "false", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        };
        foreach (var argument in new[]
                 {
                     "kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", output, "--class-name", ClientClass,
                     "--namespace-name", Namespace, "--exclude-backward-compatible", "--clean-output", "--log-level", "Error",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var kiota = Process.Start(start)!;
        var stdout = kiota.StandardOutput.ReadToEndAsync();
        var stderr = kiota.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        await kiota.WaitForExitAsync(limit.Token);
        Assert.True(kiota.ExitCode == 0, $"kiota generate exited {kiota.ExitCode} (is the tool restored? dotnet tool restore):\n{await stdout}\n{await stderr}");
        foreach (var file in Bookkeeping.Select(name => Path.Combine(output, name)))
        {
            File.Delete(file);
        }
    }
}
