using System.Globalization;
using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Load;
using Orchestrator.Bench.Measure;
using Orchestrator.Bench.Results;

namespace Orchestrator.Bench.Scenarios;

/// <summary>
/// What the journal's readers cost with ten tenants. A journal is filled by Udesk pushes spread evenly over ten tenants
/// (the CPU per ingested message is the write side's figure); then, the service otherwise idle, one tenant is read
/// from the start: by its SSE stream (<c>/v1/events/stream?include=internal</c>), then, after a restart that gives it
/// a webhook, by the dispatcher and its deliveries. Each read's figure is the process CPU time from its start until
/// its last event arrived, per event it delivered (the idle service's CPU, measured before, is reported beside it).
/// CPU time, not throughput: the machine is shared, and a reader that scans every tenant's events shows as CPU spent,
/// not as a lower rate.
/// </summary>
internal sealed class ReadersScenario : IScenario
{
    private const int Tenants = 10;
    private const string ReadTenant = ServiceUnderTest.Tenant;
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    public string Name => "readers";

    public string Description => "10 tenants' journal, one read by SSE stream / webhook from the start: CPU per delivered event; CPU per ingested message";

    public bool UsesStore => true;

    public async Task<BenchResult> RunAsync(BenchContext context)
    {
        var args = context.Arguments;
        var store = context.Store!.Name;
        var messages = args.Int("messages", 20_000);
        var conversations = args.Int("conversations", 100);
        var concurrency = args.Int("concurrency", 100);
        var figures = new Dictionary<string, object> { ["tenants"] = Tenants, ["messages"] = messages, ["conversations_per_tenant"] = conversations };
        var parts = new List<string>();

        await using var receiver = await LoopbackWebhookReceiver.StartAsync(context.Cancellation);
        await using var rig = await BenchRig.StartAsync(context, TenantSettings());
        var load = new SpreadLoad(rig.Service.Address, conversations);
        BenchContext.Progress($"readers/{store}: warming up, then {messages} messages over {Tenants} tenants, {concurrency} in flight");
        await load.RunAsync(Math.Min(messages, 4000), concurrency, context.Cancellation);
        var fillCpu = new CpuMeter();
        var filled = await load.RunAsync(messages, concurrency, context.Cancellation);
        var fillUse = fillCpu.Read();
        figures["ingest_acked_messages"] = filled.Succeeded;
        figures["ingest_failed_pushes"] = filled.Failed;
        figures["ingest_cpu_us_per_message"] = fillUse.MicrosecondsPer(filled.Succeeded);
        fillUse.AddTo(figures, "ingest_cpu");
        parts.Add($"ingest {filled.SucceededPerSecond:N0} msg/s, {fillUse.MicrosecondsPer(filled.Succeeded):N0} µs CPU/msg");

        var idle = await IdleCoresAsync(context.Cancellation);
        figures["idle_process_cores"] = idle;
        BenchContext.Progress($"readers/{store}: the stream of '{ReadTenant}' from the start");
        using (var stream = new SseCounter(rig.Service.Api, "v1/events/stream?include=internal&after=0"))
        {
            var read = await UntilQuietAsync(() => stream.Count, idle, context.Cancellation);
            read.AddTo(figures, "stream", parts);
        }

        BenchContext.Progress($"readers/{store}: restarted with a webhook for '{ReadTenant}': the dispatcher from the start");
        await rig.RestartServiceAsync(WebhookSettings(receiver.Url));
        var dispatched = await UntilQuietAsync(() => receiver.Received, idle, context.Cancellation);
        dispatched.AddTo(figures, "webhook", parts);

        return context.Result(Name, figures, $"readers {store}: " + string.Join(" | ", parts) + $" | {Tenants} tenants, {messages} messages spread evenly");
    }

    /// <summary>The service's CPU with nothing to do, in cores, once what the fill left queued is done.</summary>
    private static async Task<double> IdleCoresAsync(CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        var cpu = new CpuMeter();
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        return cpu.Read().Process;
    }

    /// <summary>Process CPU from now until <paramref name="delivered"/> last moved (then stayed for <see cref="Quiet"/>).</summary>
    private static async Task<Read> UntilQuietAsync(Func<long> delivered, double idleCores, CancellationToken ct)
    {
        var cpu = new CpuMeter();
        var last = delivered();
        var lastUse = cpu.Read();
        var stillSince = DateTime.UtcNow;
        while (DateTime.UtcNow - stillSince < Quiet || last == 0)
        {
            await Task.Delay(50, ct);
            var now = delivered();
            if (now != last)
            {
                last = now;
                lastUse = cpu.Read();
                stillSince = DateTime.UtcNow;
            }
        }

        return new Read(last, lastUse, idleCores);
    }

    private sealed record Read(long Delivered, CpuUse Cpu, double IdleCores)
    {
        private double CpuMicroseconds => Cpu.Process * Cpu.Seconds * 1e6;

        public void AddTo(IDictionary<string, object> figures, string name, List<string> parts)
        {
            figures[$"{name}_delivered_events"] = Delivered;
            figures[$"{name}_seconds"] = Math.Round(Cpu.Seconds, 2);
            Cpu.AddTo(figures, $"{name}_cpu");
            figures[$"{name}_cpu_us_per_delivered_event"] = Math.Round(CpuMicroseconds / Math.Max(1, Delivered), 1);
            figures[$"{name}_idle_cpu_us_per_delivered_event"] = Math.Round(IdleCores * Cpu.Seconds * 1e6 / Math.Max(1, Delivered), 1);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {Delivered} events in {Cpu.Seconds:0.0} s, {CpuMicroseconds / Math.Max(1, Delivered):N0} µs CPU per event (idle {IdleCores:0.00} cores)"));
        }
    }

    /// <summary>Nine tenants beside the service's own.</summary>
    private static Dictionary<string, string?> TenantSettings()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var tenant in TenantNames().Where(t => t != ServiceUnderTest.Tenant))
        {
            settings[$"Orchestrator:Tenants:{tenant}:ApiKeys:0"] = $"bench-api-key-{tenant}-0123456789";
            settings[$"Orchestrator:Tenants:{tenant}:PushSecret"] = PushSecretOf(tenant);
            settings[$"Orchestrator:Tenants:{tenant}:Udesk:BaseUrl"] = "http://127.0.0.1:9/open_api_v1/";
            settings[$"Orchestrator:Tenants:{tenant}:Udesk:Email"] = "admin@udesk.cn";
            settings[$"Orchestrator:Tenants:{tenant}:Udesk:ApiToken"] = "bench-token";
            settings[$"Orchestrator:Tenants:{tenant}:Udesk:StructuredMessageKey"] = "bench-structured-message-key";
        }

        return settings;
    }

    /// <summary>Every event of the read tenant to <paramref name="webhook"/>.</summary>
    private static Dictionary<string, string?> WebhookSettings(Uri webhook) => new()
    {
        [$"Orchestrator:Tenants:{ReadTenant}:Webhook:Url"] = webhook.AbsoluteUri,
        [$"Orchestrator:Tenants:{ReadTenant}:Webhook:Secret"] = "bench-webhook-secret-0123456789",
        [$"Orchestrator:Tenants:{ReadTenant}:Webhook:IncludeInternal"] = "true",
    };

    private static IEnumerable<string> TenantNames() => Enumerable.Range(0, Tenants).Select(i => i == 0 ? ServiceUnderTest.Tenant : $"tenant{i}");

    private static string PushSecretOf(string tenant) => tenant == ServiceUnderTest.Tenant ? ServiceUnderTest.PushSecret : $"bench-push-secret-{tenant}-0123456789";

    /// <summary>Agent messages pushed round-robin to every tenant's conversations, one message per push.</summary>
    private sealed class SpreadLoad(Uri service, int conversationsPerTenant)
    {
        private readonly HttpClient http = LoadHttp.Create(service);
        private readonly string[] tenants = TenantNames().ToArray();
        private readonly string[] tokens = ConversationTokens.Make("readers", conversationsPerTenant);
        private long next;

        /// <summary>Pushes <paramref name="messages"/> messages, <paramref name="concurrency"/> at a time.</summary>
        public async Task<LoadOutcome> RunAsync(int messages, int concurrency, CancellationToken ct)
        {
            var remaining = messages;
            return await ClosedLoop.RunAsync(concurrency, TimeSpan.FromHours(1), _ => Interlocked.Decrement(ref remaining) >= 0 ? PushAsync(ct) : null, null, ct);
        }

        private async Task<bool> PushAsync(CancellationToken ct)
        {
            var n = Interlocked.Increment(ref next);
            var tenant = tenants[n % tenants.Length];
            var conversation = (int)(n / tenants.Length % tokens.Length);
            using var content = new ByteArrayContent(PushPayloads.AgentMessages(tokens[conversation], ConversationTokens.SessionOf(conversation), "m", n, 1));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            try
            {
                using var response = await http.PostAsync($"udesk/{tenant}/push/{PushSecretOf(tenant)}", content, ct);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }
    }

    /// <summary>Follows an SSE endpoint and counts its events (<c>id:</c> lines) until disposed.</summary>
    private sealed class SseCounter : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private long count;

        public SseCounter(HttpClient api, string path) => _ = Task.Run(() => FollowAsync(api, path));

        public long Count => Interlocked.Read(ref count);

        public void Dispose() => stop.Cancel();

        private async Task FollowAsync(HttpClient api, string path)
        {
            try
            {
                using var response = await api.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    if (line.StartsWith("id:", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref count);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
