using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Conversations.Audit;

/// <summary>How an audit is written: the HTTP route and the command line give byte-for-byte the same text.</summary>
public enum AuditFormat
{
    Json,
    Csv,
    Text,
}

/// <summary>Renders an <see cref="AuditReport"/> in each <see cref="AuditFormat"/>.</summary>
public static class AuditWriter
{
    /// <summary>snake_case like the rest of the API; nothing is left out for being empty except nulls.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] Columns =
        ["seq", "at", "kind", "direction", "im_sub_session_id", "agent", "message_id", "content", "udesk_call", "udesk_request", "udesk_answer", "udesk_code", "issued_by", "detail"];

    public static bool TryParse(string? value, out AuditFormat format)
    {
        format = AuditFormat.Json;
        return value is null || (Enum.TryParse(value, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(value, out _));
    }

    public static string ContentType(AuditFormat format) => format switch
    {
        AuditFormat.Csv => "text/csv; charset=utf-8",
        AuditFormat.Text => "text/plain; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static string Write(AuditReport report, AuditFormat format) => format switch
    {
        AuditFormat.Csv => Csv(report),
        AuditFormat.Text => Transcript(report),
        _ => JsonSerializer.Serialize(report, JsonOptions),
    };

    private static string Csv(AuditReport report)
    {
        var csv = new StringBuilder().AppendJoin(',', Columns).Append("\r\n");
        foreach (var e in report.Entries)
        {
            string?[] cells =
            [
                e.Seq.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture), e.Kind, e.Direction,
                e.ImSubSessionId?.ToString(CultureInfo.InvariantCulture), e.Agent, e.MessageId, e.Content, e.UdeskCall, e.UdeskRequest, e.UdeskAnswer,
                e.UdeskCode?.ToString(CultureInfo.InvariantCulture), e.IssuedBy, e.Detail,
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Cell(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    /// <summary>One line per entry, readable by a person: time, sequence number, what happened and its particulars.</summary>
    private static string Transcript(AuditReport report)
    {
        var text = new StringBuilder($"Conversation {report.CustomerToken} of tenant {report.Tenant}: {report.Entries.Count} entries\n");
        foreach (var e in report.Entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.At:yyyy-MM-dd HH:mm:ss.fff} #{e.Seq} {e.Kind}");
            var particulars = new (string Label, string? Value)[]
            {
                ("", e.Direction?.Replace('_', ' ')), ("im_sub_session_id ", e.ImSubSessionId?.ToString(CultureInfo.InvariantCulture)), ("agent ", e.Agent),
                ("message_id ", e.MessageId), ("udesk call ", e.UdeskCall), ("answer ", e.UdeskAnswer), ("code ", e.UdeskCode?.ToString(CultureInfo.InvariantCulture)),
                ("key ", e.IssuedBy), ("", e.Detail),
            }.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => p.Label + p.Value).ToList();
            if (particulars.Count > 0)
            {
                text.Append(" — ").AppendJoin(", ", particulars);
            }

            if (e.Content is not null)
            {
                text.Append(": \"").Append(e.Content.ReplaceLineEndings("\\n")).Append('"');
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
