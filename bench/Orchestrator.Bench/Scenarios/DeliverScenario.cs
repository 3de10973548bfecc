using System.Diagnostics;
using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Load;
using Orchestrator.Bench.Measure;
using Orchestrator.Bench.Results;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Feed;

namespace Orchestrator.Bench.Scenarios;

/// <summary>
/// Webhook delivery keeping up with ingest: Udesk pushes agent messages to many conversations (one push of one
/// message in flight per conversation) while the service POSTs every event to a fast loopback receiver, in order per
/// conversation. Reports events/s delivered from the first push to the last delivery, that last delivery's lag behind
/// the first and the last push, and the receiver's count of lost, repeated and out-of-order events (all must be 0
/// but repeats, which at-least-once allows). A smaller round on other conversations warms the service up first.
/// </summary>
internal sealed class DeliverScenario : IScenario
{
    private const string WebhookSecret = "bench-webhook-secret-0123456789";
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(10);

    public string Name => "deliver";

    public string Description => "pushes to many conversations POSTed in order to a loopback webhook: events/s delivered, last-delivery lag";

    public bool UsesStore => true;

    public async Task<BenchResult> RunAsync(BenchContext context)
    {
        var args = context.Arguments;
        var store = context.Store!.Name;
        var conversations = args.Int("conversations", 200);
        var perConversation = Math.Max(1, args.Int("events", 20_000) / conversations);
        var warmupPerConversation = Math.Max(1, args.Int("warmup-events", 4_000) / conversations);

        await using var receiver = await LoopbackWebhookReceiver.StartAsync(context.Cancellation);
        await using var rig = await BenchRig.StartAsync(context, new Dictionary<string, string?>
        {
            [$"Orchestrator:Tenants:{ServiceUnderTest.Tenant}:Webhook:Url"] = receiver.Url.AbsoluteUri,
            [$"Orchestrator:Tenants:{ServiceUnderTest.Tenant}:Webhook:Secret"] = WebhookSecret,
        });
        using var http = LoadHttp.Create(rig.Service.Address);
        var round = new Round(rig, receiver, new PushSender(http), conversations, context.Cancellation);

        BenchContext.Progress($"deliver/{store}: warm-up, {warmupPerConversation} events to each of {conversations} conversations");
        await round.RunAsync("deliver-warm", set: 0, warmupPerConversation);

        BenchContext.Progress($"deliver/{store}: {perConversation} events to each of {conversations} conversations");
        var cpu = new CpuMeter();
        var measured = await round.RunAsync("deliver", set: 1, perConversation);
        var cpuUse = cpu.Read();

        var deliveredPerSecond = Math.Round(measured.Delivered / measured.LastDelivery.TotalSeconds, 1);
        var backlog = measured.Delivered - measured.DeliveredByLastPush;
        var drain = measured.LastDelivery - measured.PushElapsed;
        // Delivery on its own, with ingest stopped: how fast the backlog left at the last push went.
        var drainedPerSecond = backlog > 0 && drain > TimeSpan.Zero ? Math.Round(backlog / drain.TotalSeconds, 1) : 0;
        var figures = new Dictionary<string, object>
        {
            ["conversations"] = conversations,
            ["pushed_events"] = measured.Pushed,
            ["failed_pushes"] = measured.FailedPushes,
            ["pushed_per_s"] = Math.Round(measured.Pushed / measured.PushElapsed.TotalSeconds, 1),
            ["push_seconds"] = Math.Round(measured.PushElapsed.TotalSeconds, 2),
            ["delivered_events"] = measured.Delivered,
            ["delivered_per_s"] = deliveredPerSecond,
            ["last_delivery_after_first_push_s"] = Math.Round(measured.LastDelivery.TotalSeconds, 2),
            ["last_delivery_after_last_push_s"] = Math.Round(drain.TotalSeconds, 2),
            ["backlog_at_last_push"] = backlog,
            ["backlog_drained_per_s"] = drainedPerSecond,
            ["lost"] = measured.Lost,
            ["repeated"] = measured.Repeated,
            ["out_of_order"] = measured.OutOfOrder,
            ["cpu_us_per_event"] = cpuUse.MicrosecondsPer(measured.Pushed),
        };
        cpuUse.AddTo(figures, "cpu");

        var line = $"deliver {store}: {deliveredPerSecond:N0} events/s delivered ({measured.Delivered:N0} events, the last {measured.LastDelivery.TotalSeconds:0.0} s after the first push, "
            + $"{drain.TotalSeconds:0.0} s after the last, when {backlog:N0} were still to go: {drainedPerSecond:N0}/s) | pushed {measured.Pushed:N0} in {measured.PushElapsed.TotalSeconds:0.0} s "
            + $"({figures["pushed_per_s"]:N0}/s) | lost {measured.Lost}, out of order {measured.OutOfOrder}, repeated {measured.Repeated} | {cpuUse}, "
            + $"{cpuUse.MicrosecondsPer(measured.Pushed):N0} µs per event pushed and delivered (receiver included) | {conversations} conversations";
        return context.Result(Name, figures, line);
    }

    /// <param name="DeliveredByLastPush">This round's distinct events the receiver had when the last push was answered: what is left after it is the backlog.</param>
    private sealed record Outcome(long Pushed, long FailedPushes, TimeSpan PushElapsed, long DeliveredByLastPush, long Delivered, TimeSpan LastDelivery, long Lost, long Repeated, long OutOfOrder);

    /// <summary>One round: pushes to fresh conversations, then waits for the receiver to have every visible event they hold.</summary>
    private sealed class Round(BenchRig rig, LoopbackWebhookReceiver receiver, PushSender sender, int conversations, CancellationToken ct)
    {
        private readonly ConversationFeed feed = new(rig.Service.Services.GetRequiredService<ActorSystem>());

        public async Task<Outcome> RunAsync(string prefix, int set, int perConversation)
        {
            var tokens = ConversationTokens.Make(prefix, conversations);
            var sent = new int[conversations];
            var start = Stopwatch.GetTimestamp();
            var pushed = await ClosedLoop.RunAsync(
                conversations,
                TimeSpan.FromHours(1),
                worker => sent[worker] < perConversation
                    ? sender.SendAsync(PushPayloads.AgentMessages(tokens[worker], ConversationTokens.SessionOf(worker, set), "d", sent[worker]++, 1), ct)
                    : null,
                null,
                ct);
            var pushElapsed = Stopwatch.GetElapsedTime(start);
            // Counted by event, this round's only: a repeat, or a late event of an earlier round, is no progress.
            var deliveredByLastPush = tokens.Sum(token => (long)receiver.ArrivalsOf(token).Distinct().Count());

            var expected = new Dictionary<string, IReadOnlyList<long>>();
            foreach (var token in tokens)
            {
                expected[token] = await VisibleSeqs(token);
            }

            var deadline = Stopwatch.GetTimestamp() + (long)(DeliveryTimeout.TotalSeconds * Stopwatch.Frequency);
            while (!tokens.All(token => receiver.ArrivalsOf(token).ToHashSet().IsSupersetOf(expected[token])))
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"Not every event of {prefix}-* reached the webhook within {DeliveryTimeout}.");
                }

                // Time of the last delivery is the receiver's own clock reading, so polling rarely costs no precision.
                await Task.Delay(200, ct);
            }

            var lastDelivery = TimeSpan.FromSeconds((double)(receiver.LastArrival - start) / Stopwatch.Frequency);
            long delivered = 0, lost = 0, repeated = 0, outOfOrder = 0;
            foreach (var token in tokens)
            {
                var arrivals = receiver.ArrivalsOf(token);
                var firsts = arrivals.Distinct().ToList();
                delivered += firsts.Count;
                repeated += arrivals.Count - firsts.Count;
                lost += expected[token].Except(firsts).Count();
                outOfOrder += firsts.Zip(firsts.Skip(1)).Count(pair => pair.Item2 < pair.Item1);
            }

            return new Outcome(pushed.Succeeded, pushed.Failed, pushElapsed, Math.Min(deliveredByLastPush, delivered), delivered, lastDelivery, lost, repeated, outOfOrder);
        }

        private async Task<IReadOnlyList<long>> VisibleSeqs(string token)
        {
            var id = new ConversationId(ServiceUnderTest.Tenant, token);
            var seqs = new List<long>();
            for (var after = 0L; ;)
            {
                var page = await feed.ReadAsync(id, after, 1000, TimeSpan.Zero, ct);
                if (page.Entries.Count == 0)
                {
                    return seqs;
                }

                seqs.AddRange(page.Entries.Where(e => !e.Internal).Select(e => e.Seq));
                after = page.Entries[^1].Seq;
            }
        }
    }
}
