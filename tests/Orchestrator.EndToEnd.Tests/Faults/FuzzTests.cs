using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Orchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Orchestrator.EndToEnd.Tests.Faults;

/// <summary>
/// Property-based and randomized requests against the service as a child process: no answer is ever 5xx (a 502 that
/// passes on Udesk's own refusal, with its <c>udesk_code</c>, is the documented answer of the pass-through routes and
/// is counted apart), the process stays up, and a refused request leaves its conversation unwritten.
/// </summary>
public sealed class FuzzTests(ChildJourney journey, ITestOutputHelper output) : IClassFixture<ChildJourney>
{
    private const int Seed = 20261130;
    private static int fresh;

    private ChildOrchestrator Service => journey.Orchestrator;

    [Fact]
    public void Any_push_body_is_answered_200()
    {
        var before = Service.ResidentMiB;
        var property = Prop.ForAll(FuzzRequests.PushBodies.ToArbitrary(), body =>
        {
            var answer = Run(() => Send(new FuzzRequest(HttpMethod.Post, Service.PushUrl.PathAndQuery.TrimStart('/'), body, null), authenticated: false));
            Assert.True(answer.Status == 200, $"answered {answer.Status}: {answer.Body}");
            return true;
        });
        Check.One(Config(200), property);
        Report(before);
    }

    [Fact]
    public void No_platform_request_gets_a_5xx_and_a_refused_one_writes_nothing()
    {
        var before = Service.ResidentMiB;
        var statuses = new ConcurrentDictionary<int, int>();
        var property = Prop.ForAll(FuzzRequests.PlatformRequests.ToArbitrary(), request =>
        {
            // A token no earlier case used, so "nothing written" is "still no conversation".
            var unique = request;
            if (request.Token is { Length: > 0 } named)
            {
                var renamed = named + "-" + Interlocked.Increment(ref fresh);
                unique = request with { Token = renamed, Path = request.Path.Replace(named, renamed, StringComparison.Ordinal) };
            }

            // Every other case names a conversation that exists (one pushed message), the rest one that does not.
            var seqBefore = unique.Token is { } t && fresh % 2 == 0 ? Run(() => PushedOnce(t)) : null;
            var answer = Run(() => Send(unique, authenticated: true));
            statuses.AddOrUpdate(answer.Status, 1, (_, c) => c + 1);
            Assert.True(answer.Status is > 0 and < 500 || answer.UdeskRefusal, $"{unique} answered {answer.Status}: {answer.Body}");
            if (answer.Status is >= 400 and < 500 && unique.Token is { } token && unique.Path.StartsWith("v1/conversations/", StringComparison.Ordinal))
            {
                var state = Run(() => Send(new FuzzRequest(HttpMethod.Get, $"v1/conversations/{token}", null, token), authenticated: true));
                statuses.AddOrUpdate(seqBefore is null ? -1 : -2, 1, (_, c) => c + 1);
                var unchanged = seqBefore is { } seq
                    ? state.Status == 200 && JsonNode.Parse(state.Body)!["last_seq"]!.GetValue<long>() == seq
                    : state.Status is 404 or 400 or 414;
                Assert.True(unchanged, $"{unique} answered {answer.Status} but left the conversation (last_seq before: {seqBefore?.ToString() ?? "none"}) as {state.Status}: {state.Body}");
            }

            return true;
        });
        Check.One(Config(300), property);
        output.WriteLine("by status: " + string.Join(", ", statuses.Where(s => s.Key > 0).OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")) +
            $"; 4xx checked unwritten: {statuses.GetValueOrDefault(-1)} on a new conversation, {statuses.GetValueOrDefault(-2)} on an existing one");
        Report(before);
    }

    [Fact]
    public async Task Two_thousand_random_requests_eight_at_a_time_get_no_5xx()
    {
        var before = Service.ResidentMiB;
        var requests = FuzzRequests.PlatformRequests.Sample(1800, new Rnd((ulong)Seed), 20)
            .Concat(FuzzRequests.PushBodies.Sample(200, new Rnd((ulong)Seed + 1), 20).Select(b => new FuzzRequest(HttpMethod.Post, Service.PushUrl.PathAndQuery.TrimStart('/'), b, null)))
            .ToList();
        var shuffle = new Random(Seed);
        requests = [.. requests.OrderBy(_ => shuffle.Next())];
        var queue = new ConcurrentQueue<FuzzRequest>(requests);
        var answers = new ConcurrentBag<(FuzzRequest Request, Answer Answer)>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var request))
            {
                answers.Add((request, await Send(request, authenticated: !request.Path.StartsWith("udesk/", StringComparison.Ordinal) || request.Path.Contains("struct-page", StringComparison.Ordinal))));
            }
        })));

        output.WriteLine($"{answers.Count} requests; by status: {string.Join(", ", answers.GroupBy(a => a.Answer.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}; " +
            $"502 passing on Udesk's refusal: {answers.Count(a => a.Answer.UdeskRefusal)}");
        var failed = answers.Where(a => a.Answer.Status is 0 or >= 500 && !a.Answer.UdeskRefusal).ToList();
        Assert.True(failed.Count == 0, string.Join('\n', failed.Take(10).Select(f => $"{f.Request} answered {f.Answer.Status}: {f.Answer.Body}")));
        Report(before);
    }

    private static FsCheck.Config Config(int tests) =>
        FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd((ulong)Seed), FSharpOption<int>.None)));

    /// <summary>The conversation's last_seq after one agent push to it, or null when the token names none the API can read back.</summary>
    private async Task<long?> PushedOnce(string escapedToken)
    {
        if (await AgentPushes.Post(Service.PushUrl, AgentPushes.Body(Uri.UnescapeDataString(escapedToken), "fuzz-existing")) != 200)
        {
            return null;
        }

        var state = await Send(new FuzzRequest(HttpMethod.Get, $"v1/conversations/{escapedToken}", null, escapedToken), authenticated: true);
        return state.Status == 200 ? JsonNode.Parse(state.Body)!["last_seq"]!.GetValue<long>() : null;
    }

    private static T Run<T>(Func<Task<T>> call) => Task.Run(call).GetAwaiter().GetResult();

    private void Report(double residentBefore)
    {
        Assert.True(Service.Alive, $"the service died:\n{Service.Output}");
        Assert.Equal(HttpStatusCode.OK, Run(() => Service.Http.GetAsync("readyz")).StatusCode);
        output.WriteLine($"resident memory: {residentBefore:F0} MiB before, {Service.ResidentMiB:F0} MiB after");
    }

    private async Task<Answer> Send(FuzzRequest request, bool authenticated)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(Service.Address, request.Path));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        try
        {
            using var response = await (authenticated ? Service.Http : AgentPushes.Anonymous).SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            return new Answer(status, body, status == 502 && body.Contains("\"udesk_code\"", StringComparison.Ordinal));
        }
        catch (HttpRequestException e)
        {
            return new Answer(0, $"no answer: {e.Message}", false);
        }
    }

    private sealed record Answer(int Status, string Body, bool UdeskRefusal);
}
