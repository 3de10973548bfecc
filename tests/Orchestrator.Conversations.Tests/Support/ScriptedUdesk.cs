using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Conversations.Tests.Support;

/// <summary>
/// A scripted Udesk at the HTTP boundary of the real client: answers session requests from a script, accepts
/// everything else, can be taken down (HTTP 503) and brought back, and records every call that got an answer.
/// </summary>
public sealed class ScriptedUdesk : HttpMessageHandler
{
    private readonly ConcurrentQueue<string> sessionAnswers = new();
    private volatile bool down;

    public ConcurrentQueue<(DateTimeOffset At, string Method, string Path, JsonNode? Body)> Answered { get; } = new();

    public int Refused503;

    public bool Down
    {
        get => down;
        set => down = value;
    }

    /// <summary>Answers the next session requests with these bodies (default: a robot session).</summary>
    public ScriptedUdesk AnswerSessions(params string[] answers)
    {
        foreach (var answer in answers)
        {
            sessionAnswers.Enqueue(answer);
        }

        return this;
    }

    public IReadOnlyList<JsonNode?> Bodies(string pathEnd) =>
        Answered.Where(a => a.Path.EndsWith(pathEnd, StringComparison.Ordinal)).Select(a => a.Body).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (down)
        {
            Interlocked.Increment(ref Refused503);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        }

        var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
        var path = request.RequestUri!.AbsolutePath;
        Answered.Enqueue((DateTimeOffset.UtcNow, request.Method.Method, path, body));
        var answer = path.EndsWith("/im/sessions", StringComparison.Ordinal) && request.Method == HttpMethod.Post
            ? sessionAnswers.TryDequeue(out var scripted) ? scripted : """{"code":1000,"assign_type":"robot","assign_info":{"welcome_message":"Hi"}}"""
            : """{"code":1000}""";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}
