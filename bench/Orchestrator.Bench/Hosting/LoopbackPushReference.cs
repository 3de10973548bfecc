using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Bench.Hosting;

/// <summary>
/// The floor under the service's cost per push, measured in the same process and run: Kestrel on a loopback port
/// at the push URL, reading the body and parsing it as JSON, answering 200. The same load generator drives it, and
/// the service's OpenTelemetry listeners see its requests too, so what the service costs above it is the service.
/// </summary>
internal sealed class LoopbackPushReference : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackPushReference(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<LoopbackPushReference> StartAsync(CancellationToken ct)
    {
        var (app, address) = await LoopbackKestrel.StartAsync(app => app.MapPost("/udesk/{tenant}/push/{secret}", Receive), ct);
        return new LoopbackPushReference(app) { Address = address };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<IResult> Receive(HttpRequest request)
    {
        using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        return document.RootElement.ValueKind == JsonValueKind.Object ? Microsoft.AspNetCore.Http.Results.Ok() : Microsoft.AspNetCore.Http.Results.BadRequest();
    }
}
