using System.Buffers;
using System.Text.Json;

namespace Orchestrator.Bench.Load;

/// <summary>
/// Bodies Udesk POSTs to the Receiving Message URL, in the spec's agent reply format (assign_type <c>agent</c>):
/// customer-visible text messages of about the size agents write, and the <c>start_session</c> event.
/// </summary>
internal static class PushPayloads
{
    public const long AgentId = 397;
    public const string Content = "Thanks for waiting. I have checked your order: it left our warehouse this morning and should arrive tomorrow.";

    /// <summary><paramref name="count"/> agent text messages, ids <c>{idPrefix}{first}</c> onwards.</summary>
    public static byte[] AgentMessages(string customerToken, long sessionId, string idPrefix, long first, int count) =>
        Write(customerToken, json =>
        {
            for (var i = 0; i < count; i++)
            {
                Message(json, "message", $"{idPrefix}{first + i}", sessionId, Content);
            }
        });

    /// <summary>An agent takes the conversation (<c>start_session</c>) and greets the customer.</summary>
    public static byte[] SessionStartAndGreeting(string customerToken, long sessionId) =>
        Write(customerToken, json =>
        {
            Message(json, "start_session", $"start-{sessionId}", sessionId, "Dialogue started");
            Message(json, "message", $"hello-{sessionId}", sessionId, "Hello, what can I help you with?");
        });

    private static byte[] Write(string customerToken, Action<Utf8JsonWriter> messages)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("customer_token", customerToken);
            json.WriteString("assign_type", "agent");
            json.WriteStartArray("messages");
            messages(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Message(Utf8JsonWriter json, string type, string messageId, long sessionId, string content)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("message_id", messageId);
        json.WriteNumber("agent_id", AgentId);
        json.WriteString("agent_name", "Tom");
        json.WriteString("agent_avatar", "https://123.com/1.png");
        json.WriteNumber("im_sub_session_id", sessionId);
        json.WriteString("message_created_at", "20261101 09:52:11");
        json.WriteStartObject("data");
        json.WriteString("font", "");
        json.WriteString("content", content);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
