using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Orchestrator.Client;

namespace Orchestrator.ClientGeneration.Tests.Support;

/// <summary>
/// The C# client Kiota generates from <c>/openapi/v1.json</c>, checked in under <c>Generated/</c>. Regenerate it
/// after changing the API with <c>tests/Orchestrator.ClientGeneration.Tests/regenerate.sh</c>.
/// </summary>
public static class GeneratedClient
{
    /// <summary>Set to 1 to write the client generated from the live document into <c>Generated/</c> instead of comparing.</summary>
    public const string WriteVariable = "ORCHESTRATOR_WRITE_GENERATED_CLIENT";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string CheckedIn => Path.Combine(RepositoryRoot, "tests", "Orchestrator.ClientGeneration.Tests", "Generated");

    /// <summary>A client of the service at <paramref name="http"/>'s base address, sending its bearer key.</summary>
    public static OrchestratorClient For(HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.AbsoluteUri.TrimEnd('/') });

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Orchestrator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Orchestrator.sln above {AppContext.BaseDirectory}.");
    }
}
