using System.Diagnostics;

namespace Orchestrator.ClientGeneration.Tests.Support;

/// <summary>
/// Kiota, the repository's local dotnet tool (<c>.config/dotnet-tools.json</c>), generating the C# client from an
/// OpenAPI document. The tool is restored first, so the README's <c>dotnet test</c> works on a fresh machine.
/// </summary>
public static class KiotaGenerator
{
    public const string ClientClass = "OrchestratorClient";
    public const string Namespace = "Orchestrator.Client";

    /// <summary>Files Kiota writes beside the code that name the machine it ran on: not part of the client.</summary>
    public static readonly string[] Bookkeeping = ["kiota-lock.json", ".kiota.log"];

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Generates the client from <paramref name="document"/> into <paramref name="output"/> (emptied first).</summary>
    public static async Task GenerateAsync(string document, string output)
    {
        await DotnetAsync("tool", "restore");
        await DotnetAsync(
            "kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", output, "--class-name", ClientClass,
            "--namespace-name", Namespace, "--exclude-backward-compatible", "--clean-output", "--log-level", "Error");
        foreach (var file in Bookkeeping.Select(name => Path.Combine(output, name)))
        {
            File.Delete(file);
        }
    }

    private static async Task DotnetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = GeneratedClient.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true", ["KIOTA_TUTORIAL_ENABLED"] = "false", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var dotnet = Process.Start(start)!;
        var stdout = dotnet.StandardOutput.ReadToEndAsync();
        var stderr = dotnet.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        await dotnet.WaitForExitAsync(limit.Token);
        Assert.True(dotnet.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {dotnet.ExitCode}:\n{await stdout}\n{await stderr}");
    }
}
