using System.Globalization;
using Orchestrator.EndToEnd.Tests.Support;

namespace Orchestrator.EndToEnd.Tests.Cluster;

/// <summary>
/// One scenario on conversations of its own, all in agent sessions: Udesk's agent pushes (one conversation each, two
/// a second) and customers' messages through the platform API (one a second in all) go round the nodes in service,
/// each conversation is read twice a second to time how soon it answers after a disruption, and the cluster's
/// membership is read from every node. <see cref="FinishAsync"/> stops the load once it has carried on through the
/// survivors and audits what happened.
/// </summary>
public sealed class FailoverRun : IAsyncDisposable
{
    private const int Conversations = 9;
    private static readonly long[] Agents = [397, 398, 399];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    /// <summary>How long before a SIGKILL a call answered by Udesk may still be unrecorded by the node that made it (an answer's persist, on a loaded machine).</summary>
    private static readonly TimeSpan InFlightAtKill = TimeSpan.FromSeconds(5);
    private readonly ClusterHarness cluster;
    private readonly string scenario;
    private readonly IReadOnlyList<string> tokens;
    private readonly PushLoad pushes;
    private readonly PlatformMessageLoad messages;
    private readonly AnswerProbes probes;
    private readonly MembershipWatch watch;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> running = [];
    private readonly List<TimeSpan> answerAgain = [];
    private readonly List<string> notes = [];
    private readonly List<string> problems = [];
    private readonly List<(ClusterView Incarnation, TimeSpan Moment, string What)> timelines = [];
    private int violationsBefore;

    private FailoverRun(ClusterHarness cluster, string scenario)
    {
        this.cluster = cluster;
        this.scenario = scenario;
        tokens = [.. Enumerable.Range(1, Conversations).Select(i => $"{scenario}-{i}")];
        pushes = new PushLoad(() => cluster.Next().Process.PushUrl, tokens, senders: Conversations, prefix: $"{scenario}-push", pace: TimeSpan.FromMilliseconds(500));
        messages = new PlatformMessageLoad(() => cluster.Next().Process.Http, tokens, $"{scenario}-msg", pace: TimeSpan.FromSeconds(Conversations));
        probes = new AnswerProbes(cluster, tokens, TimeSpan.FromMilliseconds(500));
        watch = new MembershipWatch(cluster, () => probes.Now);
    }

    /// <summary>A whole cluster, the conversations in agent sessions, and the load running until every conversation has answered under it.</summary>
    public static async Task<FailoverRun> StartAsync(ClusterHarness cluster, string scenario)
    {
        await cluster.WholeAsync();
        var run = new FailoverRun(cluster, scenario);
        await run.Begin();
        return run;
    }

    /// <summary>
    /// Runs <paramref name="disruption"/> on <paramref name="node"/>, awaits every conversation answering through the
    /// nodes in service after it, and records how long that took and (at the audit) how the others saw the node go.
    /// </summary>
    public async Task Disrupt(ClusterNode node, string what, Func<Task<string>> disruption)
    {
        var incarnation = await node.Members() ?? throw new InvalidOperationException($"{node} does not answer before {what}");
        var moment = probes.Now;
        var detail = await disruption();
        var took = await probes.AllAnswerAgainAfter(moment, Patience);
        answerAgain.Add(took);
        Note($"{what} {node}{detail}: every conversation answered again after {took.TotalSeconds:F1} s");
        timelines.Add((incarnation, moment, $"{what} {node}"));
    }

    public void Note(string note) => notes.Add(note);

    /// <summary>Something the scenario found wrong besides the audit's counts: reported with them, failing the test.</summary>
    public void Problem(string problem) => problems.Add(problem);

    /// <summary>
    /// Customers send a budget's worth of messages at once, and this returns once Udesk has taken nearly a full
    /// budget within its last minute: from then on the service must hold calls back until the window slides, whichever
    /// node its budget runs on.
    /// </summary>
    public async Task FillBudgetWindow()
    {
        await Task.WhenAll(Enumerable.Range(0, ClusterHarness.CallsPerMinute).Select(k => messages.Send(tokens[k % Conversations], $"{scenario}-burst-{k}")));
        var full = await Eventually.Until(CallsInUdesksLastMinute, n => n >= ClusterHarness.CallsPerMinute - 5, "Udesk's budget window nearly full", Patience);
        Note($"{full} calls in Udesk's last minute when the node died (budget {ClusterHarness.CallsPerMinute})");
    }

    /// <summary>Lets the load carry on through the survivors, stops it, waits for the outboxes to drain and audits.</summary>
    public async Task<FailoverFigures> FinishAsync()
    {
        var pushesThen = pushes.Acknowledged + (2 * Conversations);
        var messagesThen = messages.Accepted + 3;
        await Eventually.True(() => pushes.Acknowledged >= pushesThen && messages.Accepted >= messagesThen, "the load carrying on through the nodes in service", Patience);
        await stop.CancelAsync();
        await Task.WhenAll(running);

        var pending = await Eventually.LastRead(Pending, p => p.Values.All(n => n == 0), TimeSpan.FromSeconds(60));
        var (pushesLost, pushesDuplicated, feedProblems) = await AuditFeeds();
        var (messagesLost, messagesDuplicated, messagesRepeatedAfterCrash) = await AuditUdesk();
        foreach (var node in cluster.ExitedOnTheirOwn())
        {
            Problem($"{node} exited though no one stopped it (a downed node exits; its output: {node.Process.OutputFile})");
        }

        foreach (var (incarnation, moment, what) in timelines)
        {
            Note($"{what}, as the other nodes saw it: {watch.Timeline(incarnation, moment)}");
        }

        Note($"push answers by status (0 = none): {Statuses(pushes.Answers)}; message answers: {Statuses(messages.Answers)}; membership rounds read: {watch.Rounds}");
        if (watch.Example is { } split)
        {
            Note($"two clusters seen: {split}");
        }

        return new FailoverFigures(
            scenario,
            answerAgain,
            pushes.Acknowledged,
            pushesLost,
            pushesDuplicated,
            messages.Accepted,
            messagesLost,
            messagesDuplicated,
            messagesRepeatedAfterCrash,
            await Violations() - violationsBefore,
            pending.Count(p => p.Value != 0),
            pending.Values.Where(n => n > 0).Sum(),
            watch.SplitRounds,
            [.. feedProblems, .. problems],
            notes);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();

        // What the load met was reported by FinishAsync; here it must not hide the exception a scenario ended with.
        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private async Task Begin()
    {
        violationsBefore = await Violations();
        await Task.WhenAll(tokens.Select((token, i) => new PlatformApi(cluster.Next().Process.Http, token).AgentSession(Agents[i % Agents.Length])));
        running.Add(pushes.Run(stop.Token));
        running.Add(messages.Run(stop.Token));
        running.Add(probes.Run(stop.Token));
        running.Add(watch.Run(stop.Token));
        await Eventually.True(
            () => pushes.Acknowledged >= 2 * Conversations && messages.Accepted >= Conversations && probes.AnsweredAgainAfter(TimeSpan.Zero).Values.All(t => t is not null),
            "the load running and every conversation answering",
            Patience);
    }

    /// <summary>Calls still pending per conversation; -1 where the conversation could not be read.</summary>
    private async Task<IReadOnlyDictionary<string, int>> Pending()
    {
        var counts = new Dictionary<string, int>();
        foreach (var token in tokens)
        {
            try
            {
                var state = await new PlatformApi(cluster.Next().Process.Http, token).State();
                counts[token] = state!["pending_udesk_calls"]!.GetValue<int>();
            }
            catch (HttpRequestException)
            {
                counts[token] = -1;
            }
        }

        return counts;
    }

    /// <summary>Every push answered 200 is in its conversation's feed once (lost, duplicated, and what is wrong in detail).</summary>
    private async Task<(int Lost, int Duplicated, IReadOnlyList<string> Problems)> AuditFeeds()
    {
        var (lost, duplicated, problems) = (0, 0, new List<string>());
        foreach (var token in tokens)
        {
            var feed = await FeedAudit.ReadAll(new PlatformApi(cluster.Next().Process.Http, token));
            var acknowledged = pushes.AcknowledgedFor(token);
            lost += FeedAudit.Missing(feed, acknowledged).Count;
            duplicated += FeedAudit.Duplicates(feed);
            problems.AddRange(FeedAudit.ExactlyOnce(token, feed, acknowledged));
        }

        return (lost, duplicated, problems);
    }

    /// <summary>
    /// Each message answered 202 reaches Udesk once, from the simulator's call log: lost, duplicated, and repeated
    /// after a crash. A message may reach Udesk twice only when its first call was answered just before a node was
    /// killed: the node died before it recorded the answer, and the next owner must send it again (Udesk has no way to
    /// ask whether it holds a message; it drops a repeated <c>message_id</c>, docs/cluster-handoff.md). Any other
    /// repeat is a duplicate.
    /// </summary>
    private async Task<(int Lost, int Duplicated, int RepeatedAfterCrash)> AuditUdesk()
    {
        var kills = cluster.Kills;
        var delivered = (await cluster.Simulator.DeliveredMessageCalls())
            .Select(c => (c.At, Id: c.Body["message_id"]?.GetValue<string>()))
            .Where(c => c.Id is not null && c.Id.StartsWith(scenario + "-", StringComparison.Ordinal))
            .GroupBy(c => c.Id!)
            .ToDictionary(g => g.Key, g => g.Select(c => c.At).Order().ToList());
        var repeated = delivered.Values.Where(calls => calls.Count > 1).ToList();
        var afterCrash = repeated.Count(calls => calls.Count == 2 && kills.Any(kill => calls[0] > kill - InFlightAtKill && calls[0] <= kill));
        var accepted = messages.AcceptedIds.Values.SelectMany(ids => ids).ToList();
        return (accepted.Count(id => !delivered.ContainsKey(id)), repeated.Sum(calls => calls.Count - 1) - afterCrash, afterCrash);
    }

    private async Task<int> Violations()
    {
        var violations = await cluster.Simulator.Violations();
        return new[] { "company_budget", "preview", "structured_message" }.Sum(key => violations[key]!.GetValue<int>());
    }

    private async Task<int> CallsInUdesksLastMinute()
    {
        var handled = (await cluster.Simulator.Calls())
            .Select(c => c!.AsObject())
            .Where(c => c["outcome"]?.GetValue<string>() == "handled")
            .Select(c => DateTimeOffset.Parse(c["at"]!.GetValue<string>(), CultureInfo.InvariantCulture))
            .ToList();
        return handled.Count == 0 ? 0 : handled.Count(at => at > handled.Max() - TimeSpan.FromMinutes(1));
    }

    private static string Statuses(IReadOnlyDictionary<int, int> answers) =>
        string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"));
}
