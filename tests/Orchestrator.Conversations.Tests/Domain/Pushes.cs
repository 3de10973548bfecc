using Orchestrator.Conversations.Domain;
using Orchestrator.Udesk.Pushes;
using static Orchestrator.Conversations.Domain.ConversationCommands;
using System.Text.Json;

namespace Orchestrator.Conversations.Tests.Domain;

/// <summary>Agent, robot and urobot push messages as Udesk writes them.</summary>
internal static class Pushes
{
    public static JsonElement Agent(string type, string messageId, long? session, string content = "x", long agentId = 1, string agentName = "TOM", object? extraData = null)
    {
        var data = new Dictionary<string, object?> { ["content"] = content };
        if (extraData is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extraData).EnumerateObject())
            {
                data[property.Name] = property.Value;
            }
        }

        return JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["type"] = type,
            ["message_id"] = messageId,
            ["agent_id"] = agentId,
            ["agent_name"] = agentName,
            ["agent_avatar"] = "https://a/1.png",
            ["im_sub_session_id"] = session,
            ["message_created_at"] = "20170711 09:52:11",
            ["data"] = data,
        });
    }

    public static JsonElement Close(string messageId, long? session, string closeType = "normal") =>
        Agent("close", messageId, session, "Session closed", extraData: new Dictionary<string, object>
        {
            ["close_type"] = closeType,
            ["survey_options"] = new { enabled = true, show_type = "star", options = new[] { new { id = 36, text = "Super satisfied", enabled = true } } },
        });

    /// <summary>A pushed batch as the webhook hands it to the conversation: read by the real parser.</summary>
    public static ApplyPush Batch(ConversationId id, string assignType, IReadOnlyList<JsonElement> messages, DateTimeOffset? answerBy = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { customer_token = id.CustomerToken, assign_type = assignType, messages });
        var batch = Assert.IsType<ReplyNotification>(UdeskPushParser.Parse(body));
        return new ApplyPush(id, batch.AssignType, PushedItems.From(batch), answerBy);
    }

    public static JsonElement Robot(string messageId, string answer) =>
        JsonSerializer.SerializeToElement(new { type = "message", message_id = messageId, data = new { question_id = 1, answer } });
}
