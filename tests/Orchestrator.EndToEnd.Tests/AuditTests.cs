using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Actor;
using Akka.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Conversations.Audit;
using Orchestrator.Conversations.Domain;
using Orchestrator.Conversations.Telemetry;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.ConversationJourneyTests;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests;

/// <summary>
/// Audit, replay-verify and export against the real service and the simulator: over HTTP, and through the command
/// line as a real process reading the service's SQLite file.
/// </summary>
public sealed class AuditTests(Journey journey) : IClassFixture<Journey>
{
    private const string KeyName = "key-0";
    private static readonly TimeSpan ProcessBound = TimeSpan.FromMinutes(3);

    private HttpClient Http => journey.Orchestrator.Http;

    /// <summary>
    /// A whole conversation: an agent session, a customer message, an agent reply, a transfer and a close by the
    /// platform; answered once it is closed, every Udesk call answered and the reply recorded.
    /// </summary>
    private async Task<(string Token, long First, long Second, string ReplyId)> ClosedConversation()
    {
        var token = $"audit-{Guid.NewGuid():N}";
        var (customer, first) = await journey.AgentConversation(token, 397);
        await Accepted(customer.SendMessage("m-audit-1", "where is my parcel"));
        var replyId = (await journey.Simulator.AgentReply(first, "on its way"))["message_id"]!.GetValue<string>();
        await journey.Simulator.Transfer(first, 398);
        var second = (await customer.StateWhere(s => s["im_sub_session_id"]!.GetValue<long>() != first, "the transfer"))!["im_sub_session_id"]!.GetValue<long>();
        await Eventually.True(
            async () => JsonNode.Parse(await Http.GetStringAsync($"v1/conversations/{token}/audit"))!["entries"]!.AsArray().Any(e => Str(e!.AsObject(), "message_id") == replyId),
            "the agent's reply recorded");
        await Accepted(customer.Close());
        await customer.StateWhere(s => Str(s, "state") == "closed" && s["pending_udesk_calls"]!.GetValue<int>() == 0, "closed, the close answered");
        return (token, first, second, replyId);
    }

    private async Task<List<JsonObject>> AuditEntries(string token) =>
        JsonNode.Parse(await Http.GetStringAsync($"v1/conversations/{token}/audit"))!["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();

    [Fact]
    public async Task The_audit_lists_sessions_transfer_messages_both_ways_Udesk_calls_and_the_key_that_issued_each_command()
    {
        var (token, first, second, replyId) = await ClosedConversation();

        var entries = await AuditEntries(token);

        var started = entries.Single(e => Str(e, "kind") == "session_started");
        Assert.Equal(first, started["im_sub_session_id"]!.GetValue<long>());
        Assert.Contains("(397)", Str(started, "agent"), StringComparison.Ordinal);
        var transfer = entries.Single(e => Str(e, "kind") == "transferred");
        Assert.Equal(second, transfer["im_sub_session_id"]!.GetValue<long>());
        Assert.Contains("(398)", Str(transfer, "agent"), StringComparison.Ordinal);

        var sent = entries.Single(e => Str(e, "kind") == "customer_message");
        Assert.Equal(("m-audit-1", "where is my parcel", "customer_to_udesk", KeyName), (Str(sent, "message_id"), Str(sent, "content"), Str(sent, "direction"), Str(sent, "issued_by")));
        var reply = entries.Single(e => Str(e, "message_id") == replyId);
        Assert.Equal(("message", "on its way", "udesk_to_customer"), (Str(reply, "kind"), Str(reply, "content"), Str(reply, "direction")));
        Assert.Null(reply["issued_by"]);

        var answers = entries.Where(e => Str(e, "kind") == "udesk_answer").Select(e => (Str(e, "udesk_call"), Str(e, "udesk_answer"))).ToList();
        Assert.Contains(("create-session", "session-answered"), answers);
        Assert.Contains(("send-message", "done"), answers);
        Assert.Contains(("close-session", "done"), answers);
        var requests = entries.Where(e => Str(e, "kind") == "udesk_call").ToList();
        Assert.Equal(["create-session", "close-session"], requests.Select(e => Str(e, "udesk_call")));
        Assert.All(requests, e => Assert.Equal(KeyName, Str(e, "issued_by")));
        Assert.Equal(KeyName, Str(entries.Single(e => Str(e, "kind") == "closed"), "issued_by"));
        Assert.DoesNotContain(entries, e => (e["udesk_request"]?.GetValue<string>() ?? "").Contains(OrchestratorInstance.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_and_text_carry_the_same_entries()
    {
        var (token, _, _, replyId) = await ClosedConversation();
        var entries = await AuditEntries(token);

        using var csv = await Http.GetAsync($"v1/conversations/{token}/audit?format=csv");
        var text = await Http.GetStringAsync($"v1/conversations/{token}/audit?format=text");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(entries.Count + 1, rows.Length);
        Assert.StartsWith("seq,at,kind,", rows[0], StringComparison.Ordinal);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(entries.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains($"message_id {replyId}", StringComparison.Ordinal) && l.EndsWith(": \"on its way\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_format_names_the_field_and_an_unknown_conversation_is_not_found()
    {
        using var bad = await Http.GetAsync("v1/conversations/anyone/audit?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("format", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknown = await Http.GetAsync($"v1/conversations/nobody-{Guid.NewGuid():N}/audit");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unverified = await Http.GetAsync($"v1/conversations/nobody-{Guid.NewGuid():N}/verify");
        Assert.Equal(HttpStatusCode.NotFound, unverified.StatusCode);
    }

    [Fact]
    public async Task Verify_finds_a_real_conversation_consistent_and_a_planted_snapshot_field_by_field()
    {
        var (token, _, _, _) = await ClosedConversation();
        var consistent = JsonNode.Parse(await Http.GetStringAsync($"v1/conversations/{token}/verify"))!.AsObject();
        Assert.True(consistent["consistent"]!.GetValue<bool>(), consistent.ToJsonString());
        var lastSeq = consistent["replayed_seq"]!.GetValue<long>();
        Assert.Equal(lastSeq, consistent["live_seq"]!.GetValue<long>());

        using var differences = new MeasurementsOf("orchestrator.audit.verify_differences");
        await PlantSnapshot(token, lastSeq - 1, state => state with { CloseType = "forged", PreviousSessionIds = [] });
        var verified = JsonNode.Parse(await Http.GetStringAsync($"v1/conversations/{token}/verify"))!.AsObject();

        Assert.False(verified["consistent"]!.GetValue<bool>());
        Assert.Equal(lastSeq - 1, verified["snapshot_seq"]!.GetValue<long>());
        var paths = verified["snapshot_differences"]!.AsArray().Select(d => Str(d!.AsObject(), "path")).ToList();
        Assert.Equal(["$.closeType", "$.previousSessionIds[0]"], paths);
        Assert.Empty(verified["live_differences"]!.AsArray());
        Assert.Equal(2, differences.Total);
    }

    [Fact]
    public async Task The_verify_job_goes_over_every_conversation_of_the_tenant_and_keeps_the_result()
    {
        var (planted, _, _, _) = await ClosedConversation();
        var (clean, _, _, _) = await ClosedConversation();
        var seq = (await journey.Customer(planted).State())!["last_seq"]!.GetValue<long>();
        await PlantSnapshot(planted, seq, state => state with { Status = ConversationStatus.Agent });

        using var started = await Http.PostAsync("v1/audit/verify", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobId = JsonNode.Parse(await started.Content.ReadAsStringAsync())!["job_id"]!.GetValue<string>();
        Assert.Equal($"/v1/audit/verify/{jobId}", started.Headers.Location!.OriginalString);
        var done = await Eventually.Until(
            async () => JsonNode.Parse(await Http.GetStringAsync($"v1/audit/verify/{jobId}"))!.AsObject(),
            job => Str(job, "status") != "running", "the verify job to finish", TimeSpan.FromMinutes(2));

        Assert.Equal("completed", Str(done, "status"));
        var total = done["total"]!.GetValue<int>();
        Assert.True(total >= 2, done.ToJsonString());
        Assert.Equal(total, done["verified"]!.GetValue<int>());
        var inconsistent = done["inconsistent"]!.AsArray().Select(v => v!.AsObject()).ToList();
        var mine = inconsistent.Single(v => Str(v, "customer_token") == planted);
        Assert.Equal(["$.status"], mine["snapshot_differences"]!.AsArray().Select(d => Str(d!.AsObject(), "path")));
        Assert.DoesNotContain(inconsistent, v => Str(v, "customer_token") == clean);

        using var unknown = await Http.GetAsync($"v1/audit/verify/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var malformed = await Http.GetAsync("v1/audit/verify/not-a-job");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using var otherTenant = await Http.PostAsync("v1/audit/verify?tenant=someone-else", null);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
    }

    [Fact]
    public async Task An_export_resumed_from_an_offset_gives_exactly_the_remaining_lines()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (token, _, _, _) = await ClosedConversation();
        var to = DateTimeOffset.UtcNow;
        var window = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

        var (lines, progress) = await Export(window);
        Assert.Equal(lines.Count, progress["events"]!.GetValue<long>());
        Assert.Equal(lines[^1]["offset"]!.GetValue<long>(), progress["last_offset"]!.GetValue<long>());
        var mine = lines.Where(l => Str(l, "persistence_id") == new ConversationId(OrchestratorInstance.Tenant, token).PersistenceId).ToList();
        var lastSeq = (await journey.Customer(token).State())!["last_seq"]!.GetValue<long>();
        Assert.Equal(Enumerable.Range(1, (int)lastSeq).Select(i => (long)i), mine.Select(l => l["seq"]!.GetValue<long>()));
        Assert.Equal("conversation.udesk-call-queued", Str(mine[0], "manifest"));
        Assert.Equal("create-session", mine[0]["event"]!["call"]!["call"]!.GetValue<string>());
        Assert.Equal(lines.Select(l => l["offset"]!.GetValue<long>()).Order(), lines.Select(l => l["offset"]!.GetValue<long>()));
        Assert.All(lines, l => Assert.InRange(DateTimeOffset.Parse(Str(l, "timestamp")!), from, to));

        var cut = lines.Count / 2;
        var (rest, restProgress) = await Export($"{window}&offset={lines[cut - 1]["offset"]}");
        Assert.Equal(lines.Skip(cut).Select(l => l.ToJsonString()), rest.Select(l => l.ToJsonString()));
        Assert.Equal(lines.Count - cut, restProgress["events"]!.GetValue<long>());

        using var bad = await Http.GetAsync($"v1/audit/export?{window}&offset=-3");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("offset", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_reads_the_services_SQLite_file_and_prints_what_the_API_answers()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (token, _, _, _) = await ClosedConversation();
        var to = DateTimeOffset.UtcNow;

        foreach (var format in new[] { "json", "csv", "text" })
        {
            var (exit, stdout, stderr) = await RunCommandLine("audit", OrchestratorInstance.Tenant, token, "--format", format);
            Assert.True(exit == 0, stderr);
            Assert.Equal(await Http.GetStringAsync($"v1/conversations/{token}/audit?format={format}"), stdout);
        }

        var file = Path.Combine(journey.Orchestrator.DataFolder, $"export-{Guid.NewGuid():N}.jsonl");
        var (exported, _, exportErrors) = await RunCommandLine("export", OrchestratorInstance.Tenant, "--from", from.ToString("O"), "--to", to.ToString("O"), "--out", file);
        Assert.True(exported == 0, exportErrors);
        var window = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        Assert.Equal(await Http.GetStringAsync($"v1/audit/export?{window}"), await File.ReadAllTextAsync(file));

        var (missing, _, notFound) = await RunCommandLine("audit", OrchestratorInstance.Tenant, $"nobody-{Guid.NewGuid():N}");
        Assert.Equal(1, missing);
        Assert.Contains("No conversation", notFound, StringComparison.Ordinal);
        var (usage, _, usageText) = await RunCommandLine("audit", OrchestratorInstance.Tenant, token, "--format", "xml");
        Assert.Equal(2, usage);
        Assert.Contains("--format", usageText, StringComparison.Ordinal);
    }

    private async Task<(List<JsonObject> Lines, JsonObject Progress)> Export(string query)
    {
        using var response = await Http.GetAsync($"v1/audit/export?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var all = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        return (all[..^1], all[^1]["progress"]!.AsObject());
    }

    /// <summary>Saves a snapshot of the conversation at <paramref name="seq"/>, its replayed state changed by <paramref name="forge"/>, through the service's snapshot store.</summary>
    private async Task PlantSnapshot(string token, long seq, Func<ConversationState, ConversationState> forge)
    {
        var id = new ConversationId(OrchestratorInstance.Tenant, token);
        var system = journey.Orchestrator.Services.GetRequiredService<ActorSystem>();
        var events = await new AuditJournal(system).EventsOf(id, CancellationToken.None);
        var replayed = ConversationState.Initial(new ConversationRules()).Apply(events.TakeWhile(e => e.Seq <= seq));
        var store = Persistence.Instance.Apply(system).SnapshotStoreFor(null);
        var saved = await store.Ask<object>(new SaveSnapshot(new SnapshotMetadata(id.PersistenceId, seq, DateTime.UtcNow), forge(replayed)), TimeSpan.FromSeconds(30));
        Assert.IsType<SaveSnapshotSuccess>(saved);
    }

    /// <summary>The built host as a process: <c>dotnet Orchestrator.Host.dll …</c> over the service's SQLite file.</summary>
    private async Task<(int Exit, string Stdout, string Stderr)> RunCommandLine(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(ChildOrchestrator.HostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ChildOrchestrator.HostDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Orchestrator__Store__ConnectionString"] = $"Data Source={Path.Combine(journey.Orchestrator.DataFolder, "orchestrator.db")}";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(ProcessBound);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The command line did not finish within {ProcessBound}: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sums what one instrument of the Orchestrator meter records while it is alive.</summary>
    private sealed class MeasurementsOf : IDisposable
    {
        private readonly MeterListener listener = new();
        private long total;

        public MeasurementsOf(string instrument)
        {
            listener.InstrumentPublished = (published, l) =>
            {
                if (published.Meter.Name == OrchestratorMetrics.MeterName && published.Name == instrument)
                {
                    l.EnableMeasurementEvents(published);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
            listener.Start();
        }

        public long Total => Interlocked.Read(ref total);

        public void Dispose() => listener.Dispose();
    }
}
