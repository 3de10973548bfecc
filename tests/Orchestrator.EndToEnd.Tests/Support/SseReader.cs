using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;

namespace Orchestrator.EndToEnd.Tests.Support;

/// <summary>One Server-Sent Event as received.</summary>
public sealed record ReceivedEvent(string Id, string Type, JsonObject Data);

/// <summary>
/// Reads a Server-Sent Events stream as a platform would, until it has what it came for, then hangs up. Heartbeats
/// (which keep a quiet stream open) are left out unless <c>heartbeats</c> is set.
/// </summary>
public static class SseReader
{
    public static async Task<IReadOnlyList<ReceivedEvent>> ReadUntil(
        HttpClient http, string path, Func<IReadOnlyList<ReceivedEvent>, bool> enough, string? lastEventId = null, TimeSpan? timeout = null, bool heartbeats = false)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        if (!response.IsSuccessStatusCode)
        {
            // Only a failed answer has an end to read to.
            Assert.Fail($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        var received = new List<ReceivedEvent>();
        await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
        try
        {
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(deadline.Token))
            {
                if (item.EventType == "heartbeat")
                {
                    Assert.Equal("", item.Data);
                    if (!heartbeats)
                    {
                        continue;
                    }
                }

                received.Add(new ReceivedEvent(item.EventId ?? "", item.EventType, item.Data.Length == 0 ? [] : JsonNode.Parse(item.Data)!.AsObject()));
                if (enough(received))
                {
                    return received;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }

        Assert.Fail($"{path} did not send what was awaited; received {received.Count}: {string.Join(", ", received.Select(r => $"{r.Id} {r.Type}"))}");
        return received;
    }
}
