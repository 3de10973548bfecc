using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Orchestrator.Udesk.Tests.Support;

/// <summary>
/// Stands in for Udesk's HTTP endpoint inside the client's pipeline: records every attempt and answers from a
/// script (one responder per attempt, the last one repeating).
/// </summary>
public sealed class FakeUdeskHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>> script = new();
    private Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> last = (_, _) => Task.FromResult(Json("""{"code":1000}"""));

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public FakeUdeskHandler Then(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        script.Enqueue(responder);
        last = responder;
        return this;
    }

    public FakeUdeskHandler ThenJson(string json) => Then((_, _) => Task.FromResult(Json(json)));

    public FakeUdeskHandler ThenStatus(HttpStatusCode status, string body = "") =>
        Then((_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) }));

    public static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), body);
        Requests.Enqueue(recorded);
        var responder = script.TryDequeue(out var next) ? next : last;
        return await responder(recorded, cancellationToken);
    }
}
