using System.Collections.Frozen;

namespace Orchestrator.Host.Api.Console;

/// <summary>
/// The console's one page and its script and style, embedded in the assembly (<c>Api/Console/Page/</c>): served as
/// they are, no framework, no build step. The page asks for the operator key and sends it to the data routes.
/// </summary>
internal static class ConsolePage
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Assets = new Dictionary<string, (byte[], string)>
    {
        ["console.html"] = (Read("console.html"), "text/html; charset=utf-8"),
        ["console.js"] = (Read("console.js"), "text/javascript; charset=utf-8"),
        ["console.css"] = (Read("console.css"), "text/css; charset=utf-8"),
    }.ToFrozenDictionary();

    public static IResult Serve(string name) => Assets.TryGetValue(name, out var asset)
        ? Results.Bytes(asset.Content, asset.ContentType)
        : Results.NotFound();

    private static byte[] Read(string name)
    {
        using var stream = typeof(ConsolePage).Assembly.GetManifestResourceStream($"console/{name}")
            ?? throw new InvalidOperationException($"The console's {name} is not embedded in the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
