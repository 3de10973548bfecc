using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

using Orchestrator.EndToEnd.Tests.Support;

namespace Orchestrator.EndToEnd.Tests.Cluster;

/// <summary>
/// Reads each conversation (<c>GET /v1/conversations/{token}</c>) through the next node in service, one read at a
/// time per conversation, one every <c>pace</c>, giving each read 5 s (Udesk's patience with a push), and keeps when
/// each read started and whether it was answered: "answers again" is the first answered read started after a moment.
/// </summary>
public sealed class AnswerProbes(ClusterHarness cluster, IReadOnlyList<string> tokens, TimeSpan pace)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Read>> reads = new();

    /// <summary>Now on the clock the reads are timed by: a moment to measure from.</summary>
    public TimeSpan Now => clock.Elapsed;

    public Task Run(CancellationToken stop) => Task.WhenAll(tokens.Select(token => Task.Run(() => Probe(token, stop), CancellationToken.None)));

    /// <summary>Per conversation, how long after <paramref name="moment"/> its first read started since was answered; null while none was.</summary>
    public IReadOnlyDictionary<string, TimeSpan?> AnsweredAgainAfter(TimeSpan moment) =>
        tokens.ToDictionary(token => token, token => FirstAnswerAfter(token, moment) - moment);

    /// <summary>Awaits every conversation answering after <paramref name="moment"/>; answers the longest it took one.</summary>
    public async Task<TimeSpan> AllAnswerAgainAfter(TimeSpan moment, TimeSpan within)
    {
        var answered = await Eventually.Until(
            () => Task.FromResult(AnsweredAgainAfter(moment)),
            a => a.Values.All(t => t is not null),
            "every conversation answering again through the nodes in service",
            within);
        return answered.Values.Max(t => t!.Value);
    }

    private async Task Probe(string token, CancellationToken stop)
    {
        var list = reads.GetOrAdd(token, _ => new ConcurrentQueue<Read>());
        using var timer = new PeriodicTimer(pace);
        do
        {
            var started = clock.Elapsed;
            var answered = await Answered(cluster.Next().Process.Http, token);
            list.Enqueue(new Read(started, clock.Elapsed, answered));
        }
        while (await timer.NextTickOrStop(stop));
    }

    private static async Task<bool> Answered(HttpClient http, string token)
    {
        try
        {
            using var bound = new CancellationTokenSource(Patience);
            using var response = await http.GetAsync($"v1/conversations/{token}", bound.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private TimeSpan? FirstAnswerAfter(string token, TimeSpan moment) =>
        reads.TryGetValue(token, out var list) ? list.Where(r => r.Started >= moment && r.Answered).Min(r => (TimeSpan?)r.Ended) : null;

    private sealed record Read(TimeSpan Started, TimeSpan Ended, bool Answered);
}
