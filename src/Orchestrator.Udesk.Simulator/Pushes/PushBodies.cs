using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Simulator.Pushes;

/// <summary>
/// The bodies POSTed to the Receiving Message URL, serialized from the simulator's own models; messages marked
/// <c>OddShape</c> are then reshaped by <see cref="OddShapes"/>, choosing with <c>pick</c>.
/// </summary>
internal static class PushBodies
{
    public static byte[] Agent(string customerToken, IReadOnlyList<AgentPushMessage> messages, Func<int, int> pick)
    {
        var body = Node(new ReplyPush<IReadOnlyList<AgentPushMessage>>(customerToken, "agent", messages));
        var nodes = body["messages"]!.AsArray();
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].OddShape)
            {
                OddShapes.ReshapeAgentMessage(nodes[i]!.AsObject(), pick);
            }
        }

        return Finish(body, messages.Any(m => m.OddShape));
    }

    public static byte[] Robot(string customerToken, RobotPushMessage message, bool oddShape)
    {
        var body = Node(new ReplyPush<IReadOnlyList<RobotPushMessage>>(customerToken, "robot", [message]));
        if (oddShape)
        {
            OddShapes.ReshapeRobotMessage(body["messages"]![0]!.AsObject());
        }

        return Finish(body, oddShape);
    }

    /// <summary>urobot <c>messages</c> is a single object, as the spec shows it.</summary>
    public static byte[] Urobot(string customerToken, UrobotPushMessage message, bool oddShape)
    {
        var body = Node(new ReplyPush<UrobotPushMessage>(customerToken, "urobot", message));
        if (oddShape)
        {
            OddShapes.ReshapeUrobotBody(body);
        }

        return Finish(body, oddShape);
    }

    public static byte[] ReadStatus(long sessionId, IReadOnlyList<string> messageIds) =>
        JsonSerializer.SerializeToUtf8Bytes(new ReadStatusPush(sessionId, messageIds), Wire.SimulatorJson.Wire);

    private static JsonObject Node<T>(T body) => JsonSerializer.SerializeToNode(body, Wire.SimulatorJson.Wire)!.AsObject();

    private static byte[] Finish(JsonObject body, bool oddShape)
    {
        if (oddShape)
        {
            OddShapes.CapitalizeAssignType(body);
        }

        return JsonSerializer.SerializeToUtf8Bytes(body, Wire.SimulatorJson.Wire);
    }

    private sealed record ReplyPush<TMessages>(
        [property: JsonPropertyName("customer_token")] string CustomerToken,
        [property: JsonPropertyName("assign_type")] string AssignType,
        [property: JsonPropertyName("messages")] TMessages Messages);

    private sealed record ReadStatusPush(
        [property: JsonPropertyName("session_id")] long SessionId,
        [property: JsonPropertyName("message_ids")] IReadOnlyList<string> MessageIds);
}
