using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Conversations.Serialization;

namespace Orchestrator.Conversations.Audit;

/// <summary>
/// One journal event as an export line: <see cref="Offset"/> is the journal's ordering, where a resumed export
/// continues (<c>offset=</c>); the event is written exactly as the journal holds it, named by its manifest.
/// </summary>
public sealed record ExportLine(long Offset, string PersistenceId, long Seq, DateTimeOffset Timestamp, string Manifest, [property: JsonIgnore] object Event)
{
    /// <summary>The line as JSON, the event in the journal's own format.</summary>
    public string ToJson()
    {
        var line = JsonSerializer.SerializeToNode(this, AuditWriter.JsonOptions)!.AsObject();
        line["event"] = JsonSerializer.SerializeToNode(Event, Event.GetType(), ConversationSerializer.Options);
        return line.ToJsonString(AuditWriter.JsonOptions);
    }
}

/// <summary>The export's last line (absent when it was cut short): how many events it wrote, and the offset to resume after.</summary>
public sealed record ExportProgress(long Events, long LastOffset)
{
    public string ToJson() => JsonSerializer.Serialize(new { progress = this }, AuditWriter.JsonOptions);
}
