using System.Diagnostics;
using Orchestrator.Bench.Hosting;
using Orchestrator.Bench.Scenarios;
using Orchestrator.Conversations.Domain;

namespace Orchestrator.Bench.Prefill;

/// <summary>
/// A journal already holding <c>events</c> events of other conversations: one template conversation written through
/// the service (agent messages, as Udesk pushes them), then its rows (and snapshots, if it has any) copied directly
/// into the tables under <c>prefill-0</c>, <c>prefill-1</c>, … while the service is stopped. Once the service runs
/// again, one prefilled conversation is woken through it and must recover the template's sequence number.
/// </summary>
internal static class JournalPrefill
{
    public const string JournalTable = "journal";
    public const string SnapshotTable = "snapshot";
    private const string TemplateToken = "prefill-template";

    /// <summary>The template's agent session: a set no scenario uses (<see cref="ConversationTokens.SessionOf"/>).</summary>
    private const int TemplateSessions = 90;

    /// <summary>Fills the journal; answers how long the copy took (the service stopped, the template written).</summary>
    public static async Task<PrefillOutcome> RunAsync(BenchRig rig, BenchContext context, long events, int eventsPerConversation)
    {
        var ct = context.Cancellation;
        await RecoverScenario.Write(rig, TemplateToken, eventsPerConversation, ct, ConversationTokens.SessionOf(0, TemplateSessions));
        var template = new ConversationId(ServiceUnderTest.Tenant, TemplateToken);
        var copier = JournalCopier.For(context.Store!);
        var elapsed = TimeSpan.Zero;
        var (conversations, rows, lastSeq) = (0, 0, 0L);
        await rig.RestartServiceAsync(whileStopped: async () =>
        {
            var journal = await copier.ReadAsync(JournalTable, template.PersistenceId, ct);
            var snapshots = await copier.ReadAsync(SnapshotTable, template.PersistenceId, ct);
            if (journal.Rows.Count < eventsPerConversation)
            {
                throw new InvalidOperationException($"The template conversation holds {journal.Rows.Count} events, expected {eventsPerConversation} or more.");
            }

            (rows, lastSeq) = (journal.Rows.Count, journal.LastSequenceNumber);
            conversations = (int)((events + rows - 1) / rows);
            BenchContext.Progress($"prefill: copying {journal.Rows.Count} events ({snapshots.Rows.Count} snapshots) to {conversations:N0} conversations");
            var started = Stopwatch.GetTimestamp();
            await copier.CopyAsync(journal, PersistenceIds(conversations), ct);
            if (snapshots.Rows.Count > 0)
            {
                await copier.CopyAsync(snapshots, PersistenceIds(conversations), ct);
            }

            elapsed = Stopwatch.GetElapsedTime(started);
        });

        // The service must read what the bench wrote: the last prefilled conversation recovers to the template's end.
        var probe = new ConversationId(ServiceUnderTest.Tenant, Token(conversations - 1));
        var recoveryMillis = await RecoverScenario.TimeWake(rig, probe, lastSeq, ct);
        BenchContext.Progress($"prefill: {(long)conversations * rows:N0} events in {elapsed.TotalSeconds:0.0} s; {probe} recovered to {lastSeq} in {recoveryMillis} ms");
        return new PrefillOutcome((long)conversations * rows, conversations, elapsed, recoveryMillis);
    }

    /// <summary>Zero-padded, so the persistence ids come in index order and the copy appends to the (persistence_id, sequence_number) index.</summary>
    private static string Token(int index) => $"prefill-{index:D8}";

    private static IEnumerable<string> PersistenceIds(int conversations) =>
        Enumerable.Range(0, conversations).Select(i => new ConversationId(ServiceUnderTest.Tenant, Token(i)).PersistenceId);
}

/// <summary>What a prefill wrote and how long the copy took; the recovery of one prefilled conversation through the service.</summary>
internal sealed record PrefillOutcome(long Events, int Conversations, TimeSpan Elapsed, double ProbeRecoveryMillis)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Math.Round(Events / Elapsed.TotalSeconds) : 0;
}
