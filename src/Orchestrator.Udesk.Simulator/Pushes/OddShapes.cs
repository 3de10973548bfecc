using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Udesk.Simulator.Wire;

namespace Orchestrator.Udesk.Simulator.Pushes;

/// <summary>
/// The <c>OddShapesRate</c> quirk: shapes real Udesk pushes take beyond the spec's examples. Every change keeps the
/// message's facts (its <c>message_id</c>, session, agent, time, content), so a lenient reader gets the same message.
/// <c>pick(n)</c> chooses among alternatives from the seeded random source.
/// </summary>
internal static class OddShapes
{
    /// <summary>The reply body's <c>assign_type</c> in another case: "Agent", "Robot", "Urobot".</summary>
    public static void CapitalizeAssignType(JsonObject body) =>
        body["assign_type"] = body["assign_type"]?.ToString() is { Length: > 0 } type ? char.ToUpperInvariant(type[0]) + type[1..] : null;

    public static void ReshapeAgentMessage(JsonObject message, Func<int, int> pick)
    {
        Stringify(message, "im_sub_session_id");
        Stringify(message, "agent_id");
        Numberify(message, "message_id");
        if (UdeskTime.TryParse(message["message_created_at"]?.ToString(), out var created))
        {
            message["message_created_at"] = pick(2) == 0 ? UdeskTime.Compact(created) : UdeskTime.Dashed(created);
        }

        if (message["data"] is JsonObject data)
        {
            ReshapeData(message, message["type"]?.ToString(), data, pick);
        }

        message["extra"] = new JsonObject { ["channel"] = "web" };
    }

    public static void ReshapeRobotMessage(JsonObject message)
    {
        Numberify(message, "message_id");
        if (message["data"] is JsonObject data)
        {
            Stringify(data, "question_id");
            data["msg_close"] = true;
        }
    }

    /// <summary>A urobot body's single message turned into an array of one (the other form Udesk sends), its ids as strings.</summary>
    public static void ReshapeUrobotBody(JsonObject body)
    {
        if (body["messages"] is JsonObject message)
        {
            Stringify(message, "sessionId");
            Stringify(message, "logId");
            body["messages"] = new JsonArray(message.DeepClone());
        }
    }

    private static void ReshapeData(JsonObject message, string? type, JsonObject data, Func<int, int> pick)
    {
        switch (type)
        {
            case "message" when data.Count == 1 && data["content"] is JsonValue content && content.TryGetValue<string>(out var text):
                // A text message whose data is the text itself.
                message["data"] = text;
                return;
            case "rich" when data["content"] is JsonValue html && html.TryGetValue<string>(out var markup):
                data["content"] = new JsonObject { ["html"] = markup };
                break;
            case "audio" when data["duration"] is JsonValue duration && duration.TryGetValue<long>(out var seconds):
                // Rounds back to the same whole seconds.
                data["duration"] = seconds + 0.4;
                break;
            case "close" when data["survey_options"] is JsonObject survey && survey["options"] is JsonArray options:
                // An unconfigured option: its id is "" or null.
                options.Add(new JsonObject { ["id"] = pick(2) == 0 ? "" : null, ["text"] = "", ["enabled"] = false });
                break;
        }

        data["msg_close"] = true;
    }

    private static void Stringify(JsonObject node, string name)
    {
        if (node[name] is JsonValue value && value.TryGetValue<long>(out var number))
        {
            node[name] = number.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static void Numberify(JsonObject node, string name)
    {
        if (long.TryParse(node[name]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            node[name] = number;
        }
    }
}
