using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Bench.Hosting;

/// <summary>
/// A platform's webhook receiver that costs as little as one can: Kestrel on a loopback port answering 200 at once,
/// keeping per conversation the order events arrived in (from the <c>X-Orchestrator-Event-Id</c> header,
/// <c>tenant/token/seq</c>; the body is not parsed) and when the last one came.
/// </summary>
internal sealed class LoopbackWebhookReceiver : IAsyncDisposable
{
    private const string EventIdHeader = "X-Orchestrator-Event-Id";

    private readonly Lock gate = new();
    private readonly Dictionary<string, List<long>> arrivals = new(StringComparer.Ordinal);
    private readonly WebApplication app;
    private long lastArrival;
    private long received;

    private LoopbackWebhookReceiver(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the latest request arrived; 0 before the first.</summary>
    public long LastArrival => Interlocked.Read(ref lastArrival);

    public static async Task<LoopbackWebhookReceiver> StartAsync(CancellationToken ct)
    {
        LoopbackWebhookReceiver? receiver = null;
        var (app, address) = await LoopbackKestrel.StartAsync(app => app.MapPost("/hooks", (HttpRequest request) => receiver!.Receive(request)), ct);
        receiver = new LoopbackWebhookReceiver(app) { Url = new Uri(address, "hooks") };
        return receiver;
    }

    /// <summary>Requests received (a repeat counts again).</summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>The seqs of <paramref name="token"/>'s events in the order they arrived, repeats included.</summary>
    public IReadOnlyList<long> ArrivalsOf(string token)
    {
        lock (gate)
        {
            return arrivals.TryGetValue(token, out var seqs) ? [.. seqs] : [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private IResult Receive(HttpRequest request)
    {
        var eventId = request.Headers[EventIdHeader].ToString();
        var lastSlash = eventId.LastIndexOf('/');
        var firstSlash = eventId.IndexOf('/');
        if (firstSlash < 0 || lastSlash <= firstSlash || !long.TryParse(eventId.AsSpan(lastSlash + 1), out var seq))
        {
            return Microsoft.AspNetCore.Http.Results.BadRequest();
        }

        var token = eventId[(firstSlash + 1)..lastSlash];
        lock (gate)
        {
            if (!arrivals.TryGetValue(token, out var seqs))
            {
                arrivals[token] = seqs = [];
            }

            seqs.Add(seq);
        }

        Interlocked.Increment(ref received);
        Interlocked.Exchange(ref lastArrival, Stopwatch.GetTimestamp());
        return Microsoft.AspNetCore.Http.Results.Ok();
    }
}
