using System.Text.Json;
using Orchestrator.Conversations.Audit;

namespace Orchestrator.Conversations.Tests.Audit;

public sealed class AuditWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 8, 0, 1, TimeSpan.Zero);

    private static readonly AuditReport Report = new("acme", "customer-1",
    [
        new AuditEntry(1, At, "customer_message", Direction: "customer_to_udesk", ImSubSessionId: 3, MessageId: "m-1", Content: "one, \"two\"\nthree", IssuedBy: "crm"),
        new AuditEntry(2, At.AddSeconds(1), "udesk_answer", UdeskCall: "send-message", UdeskAnswer: "refused", UdeskCode: 9200, Detail: "call #1: gone"),
    ]);

    [Fact]
    public void Csv_has_a_header_and_one_row_per_entry_quoting_commas_quotes_and_line_breaks()
    {
        var csv = AuditWriter.Write(Report, AuditFormat.Csv);

        var header = csv[..csv.IndexOf("\r\n", StringComparison.Ordinal)];
        Assert.Equal("seq,at,kind,direction,im_sub_session_id,agent,message_id,content,udesk_call,udesk_request,udesk_answer,udesk_code,issued_by,detail", header);
        Assert.Contains("1,2026-11-25T08:00:01.0000000+00:00,customer_message,customer_to_udesk,3,,m-1,\"one, \"\"two\"\"\nthree\",,,,,crm,\r\n", csv, StringComparison.Ordinal);
        Assert.EndsWith("2,2026-11-25T08:00:02.0000000+00:00,udesk_answer,,,,,,send-message,,refused,9200,,call #1: gone\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_transcript_is_one_line_per_entry_with_the_content_quoted()
    {
        var lines = AuditWriter.Write(Report, AuditFormat.Text).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            [
                "Conversation customer-1 of tenant acme: 2 entries",
                "2026-11-25 08:00:01.000 #1 customer_message — customer to udesk, im_sub_session_id 3, message_id m-1, key crm: \"one, \"two\"\\nthree\"",
                "2026-11-25 08:00:02.000 #2 udesk_answer — udesk call send-message, answer refused, code 9200, call #1: gone",
            ],
            lines);
    }

    [Fact]
    public void Json_is_snake_case_and_leaves_out_what_is_unknown()
    {
        using var json = JsonDocument.Parse(AuditWriter.Write(Report, AuditFormat.Json));

        Assert.Equal("customer-1", json.RootElement.GetProperty("customer_token").GetString());
        var first = json.RootElement.GetProperty("entries")[0];
        Assert.Equal(("m-1", "crm", 3), (first.GetProperty("message_id").GetString(), first.GetProperty("issued_by").GetString(), first.GetProperty("im_sub_session_id").GetInt64()));
        Assert.False(first.TryGetProperty("udesk_code", out _));
    }

    [Theory]
    [InlineData(null, AuditFormat.Json)]
    [InlineData("csv", AuditFormat.Csv)]
    [InlineData("TEXT", AuditFormat.Text)]
    public void Formats_are_read_by_name(string? text, AuditFormat expected)
    {
        Assert.True(AuditWriter.TryParse(text, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("1")]
    [InlineData("")]
    public void Other_formats_are_refused(string text) => Assert.False(AuditWriter.TryParse(text, out _));
}
