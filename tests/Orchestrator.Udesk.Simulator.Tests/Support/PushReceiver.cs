using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Udesk.Simulator.Tests.Support;

/// <summary>
/// A "Receiving Message URL" on loopback: records every push it is sent, with the status it answered, and can be
/// told to fail or to hang (time out) for its next requests.
/// </summary>
public sealed class PushReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task<int>>> script = new();
    private readonly ConcurrentQueue<ReceivedPush> received = new();
    private readonly WebApplication app;
    private int arrived;

    private PushReceiver(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Requests that have reached the receiver, answered or not (a hanging one counts at once).</summary>
    public int Arrived => Volatile.Read(ref arrived);

    /// <summary>Every request, in arrival order, including the ones answered with failure.</summary>
    public IReadOnlyList<ReceivedPush> Received => received.ToList();

    /// <summary>The pushes answered 200, in arrival order.</summary>
    public IReadOnlyList<ReceivedPush> Delivered => received.Where(p => p.AnsweredStatus == StatusCodes.Status200OK).ToList();

    /// <summary>Messages of the delivered reply pushes, flattened in arrival order (urobot's single object included).</summary>
    public IReadOnlyList<JsonObject> DeliveredMessages => Delivered
        .Select(p => p.Json["messages"])
        .SelectMany(m => m is JsonArray array ? array.Select(x => x!.AsObject()) : m is JsonObject single ? [single] : [])
        .ToList();

    public static async Task<PushReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        PushReceiver? receiver = null;
        app.MapPost("/push", (HttpContext http) => receiver!.HandleAsync(http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver = new PushReceiver(app, new Uri(address.TrimEnd('/') + "/push"));
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> requests are answered with <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = StatusCodes.Status500InternalServerError)
    {
        for (var i = 0; i < count; i++)
        {
            script.Enqueue(_ => Task.FromResult(status));
        }
    }

    /// <summary>The next <paramref name="count"/> requests get no answer for <paramref name="hang"/> (or until the caller gives up).</summary>
    public void HangNext(int count, TimeSpan hang)
    {
        for (var i = 0; i < count; i++)
        {
            script.Enqueue(async http =>
            {
                await Task.Delay(hang, http.RequestAborted);
                return StatusCodes.Status200OK;
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref arrived);
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var status = StatusCodes.Status200OK;
        if (script.TryDequeue(out var behaviour))
        {
            try
            {
                status = await behaviour(http);
            }
            catch (OperationCanceledException)
            {
                received.Enqueue(new ReceivedPush(body, JsonNode.Parse(body)!, 0, DateTimeOffset.UtcNow));
                return;
            }
        }

        received.Enqueue(new ReceivedPush(body, JsonNode.Parse(body)!, status, DateTimeOffset.UtcNow));
        http.Response.StatusCode = status;
    }
}

/// <summary>A push as it arrived; <see cref="AnsweredStatus"/> 0 means the sender gave up before an answer.</summary>
public sealed record ReceivedPush(string Body, JsonNode Json, int AnsweredStatus, DateTimeOffset At)
{
    public IReadOnlyList<string> MessageIds => Json["messages"] is JsonArray array
        ? array.Select(m => m!["message_id"]!.ToString()).ToList()
        : Json["message_ids"] is JsonArray ids ? ids.Select(i => i!.ToString()).ToList() : [];
}
