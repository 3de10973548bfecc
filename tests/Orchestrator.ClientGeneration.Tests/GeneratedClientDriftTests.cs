using Orchestrator.ClientGeneration.Tests.Support;
using Orchestrator.EndToEnd.Tests.Support;

namespace Orchestrator.ClientGeneration.Tests;

/// <summary>
/// The checked-in client is what Kiota generates from the running service's document today: an API change that
/// is not regenerated (<c>regenerate.sh</c>) fails here, and so does a document Kiota cannot generate from.
/// </summary>
public sealed class GeneratedClientDriftTests(Journey journey) : IClassFixture<Journey>
{
    [Fact]
    public async Task The_checked_in_client_is_what_kiota_generates_from_the_live_document()
    {
        var work = Directory.CreateTempSubdirectory("orchestrator-client-");
        try
        {
            var document = Path.Combine(work.FullName, "v1.json");
            await File.WriteAllBytesAsync(document, await journey.Orchestrator.Http.GetByteArrayAsync("openapi/v1.json"));

            if (Environment.GetEnvironmentVariable(GeneratedClient.WriteVariable) == "1")
            {
                await KiotaGenerator.GenerateAsync(document, GeneratedClient.CheckedIn);
                return;
            }

            var generated = Path.Combine(work.FullName, "Generated");
            await KiotaGenerator.GenerateAsync(document, generated);

            var expected = Files(generated);
            var actual = Files(GeneratedClient.CheckedIn);
            var drift = expected.Keys.Union(actual.Keys)
                .Where(name => !expected.TryGetValue(name, out var text) || !actual.TryGetValue(name, out var kept) || text != kept)
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.True(
                drift.Count == 0,
                $"Generated/ differs from what Kiota generates from /openapi/v1.json in {drift.Count} files (run tests/Orchestrator.ClientGeneration.Tests/regenerate.sh): {string.Join(", ", drift.Take(10))}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Every generated file by its path under <paramref name="root"/>, line endings as written on any machine.</summary>
    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => !KiotaGenerator.Bookkeeping.Contains(Path.GetFileName(path)))
            .ToDictionary(path => Path.GetRelativePath(root, path).Replace('\\', '/'), path => File.ReadAllText(path).ReplaceLineEndings("\n"));
}
