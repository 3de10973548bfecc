using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>
/// A platform's webhook receiver on a loopback port: records every request in arrival order with the answer it
/// got, checks the signature with the secret as the docs tell platforms to, and answers as scripted (2xx unless a
/// rule says otherwise). It can be stopped (connections refused) and started again on the same port.
/// </summary>
public sealed class WebhookReceiver(string secret) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<ReceivedWebhook> received = [];
    private readonly List<Func<IncomingWebhook, ReceiverAnswer?>> rules = [];
    private readonly Dictionary<string, int> attempts = [];
    private readonly Dictionary<string, List<string>> eventIdsByToken = [];
    private WebApplication? app;
    private int port;

    public Uri Url => new($"http://127.0.0.1:{port}/hooks/orchestrator");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var started = builder.Build();
        started.MapPost("/hooks/orchestrator", Receive);
        await started.StartAsync();
        port = new Uri(started.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        app = started;
    }

    /// <summary>Down: requests are refused until <see cref="StartAsync"/> again (same port).</summary>
    public async Task StopAsync()
    {
        if (app is { } running)
        {
            app = null;
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    /// <summary>Rules are tried newest first; the first with an answer decides. None: 200.</summary>
    public void Script(Func<IncomingWebhook, ReceiverAnswer?> rule)
    {
        lock (gate)
        {
            rules.Insert(0, rule);
        }
    }

    /// <summary>Everything received for one customer, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> ReceivedFor(string customerToken)
    {
        lock (gate)
        {
            return received.Where(r => r.CustomerToken == customerToken).ToList();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task Receive(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.ToArray();
        var body = JsonNode.Parse(bytes)!.AsObject();
        var eventId = body["event_id"]!.GetValue<string>();
        var token = body["customer_token"]!.GetValue<string>();
        var signatureValid = VerifySignature(context.Request.Headers["X-Orchestrator-Signature"].ToString(), bytes, secret);

        ReceiverAnswer answer;
        lock (gate)
        {
            attempts[eventId] = attempts.GetValueOrDefault(eventId) + 1;
            var seen = eventIdsByToken.TryGetValue(token, out var ids) ? ids : eventIdsByToken[token] = [];
            if (!seen.Contains(eventId))
            {
                seen.Add(eventId);
            }

            var incoming = new IncomingWebhook(token, eventId, seen.IndexOf(eventId) + 1, attempts[eventId], body);
            answer = rules.Select(rule => rule(incoming)).FirstOrDefault(a => a is not null) ?? ReceiverAnswer.Ok;
            received.Add(new ReceivedWebhook(
                token, eventId, body["seq"]!.GetValue<long>(), body, context.Request.Headers["X-Orchestrator-Event-Id"].ToString(), signatureValid,
                answer.Hang ? null : answer.Status, DateTimeOffset.UtcNow));
        }

        if (answer.Hang)
        {
            // Never answers: the sender's attempt time-out ends it.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (answer.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = answer.Status;
    }

    /// <summary>The check docs/webhooks.md gives platforms, verbatim in spirit: HMAC-SHA256 of "t.body", constant-time compare, 5 minutes' tolerance.</summary>
    public static bool VerifySignature(string header, byte[] body, string secret)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, out var unix))
        {
            return false;
        }

        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - unix) > 300)
        {
            return false;
        }

        byte[] signed = [.. Encoding.UTF8.GetBytes(t + "."), .. body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected)), Encoding.ASCII.GetBytes(v1));
    }
}

/// <summary>A request as a rule sees it: <see cref="Ordinal"/> is the event's place among the customer's distinct events (from 1), <see cref="Attempt"/> how often it came (from 1).</summary>
public sealed record IncomingWebhook(string CustomerToken, string EventId, int Ordinal, int Attempt, JsonObject Body);

/// <summary>What the receiver answers; <see cref="Hang"/> never answers.</summary>
public sealed record ReceiverAnswer(int Status, int? RetryAfterSeconds = null, bool Hang = false)
{
    public static readonly ReceiverAnswer Ok = new((int)HttpStatusCode.OK);

    public static ReceiverAnswer NoAnswer { get; } = new(0, Hang: true);
}

/// <summary>One request received; <see cref="Answer"/> is null when the receiver did not answer.</summary>
public sealed record ReceivedWebhook(
    string CustomerToken, string EventId, long Seq, JsonObject Body, string EventIdHeader, bool SignatureValid, int? Answer, DateTimeOffset At)
{
    public bool Acknowledged => Answer is >= 200 and < 300;
}
