namespace Orchestrator.Conversations.Audit;

/// <summary>
/// Writes a tenant's events in a time window as JSON Lines, one event a line, then an <see cref="ExportProgress"/>
/// line: the HTTP route and the command line write the same lines.
/// </summary>
public static class AuditExport
{
    public const string ContentType = "application/x-ndjson; charset=utf-8";

    /// <summary>How many lines are written between flushes, so a reader sees the export advance.</summary>
    private const int FlushEvery = 500;

    public static async Task<ExportProgress> WriteAsync(
        AuditJournal journal, string tenant, DateTimeOffset from, DateTimeOffset to, long afterOffset, TextWriter output, CancellationToken cancellationToken)
    {
        long events = 0;
        var lastOffset = afterOffset;
        await foreach (var line in journal.Export(tenant, from, to, afterOffset, cancellationToken))
        {
            await output.WriteLineAsync(line.ToJson().AsMemory(), cancellationToken);
            events++;
            lastOffset = line.Offset;
            if (events % FlushEvery == 0)
            {
                await output.FlushAsync(cancellationToken);
            }
        }

        var progress = new ExportProgress(events, lastOffset);
        await output.WriteLineAsync(progress.ToJson().AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
        return progress;
    }
}
