using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Simulator.Pushes;

/// <summary>The bodies POSTed to the Receiving Message URL, serialized from the simulator's own models.</summary>
internal static class PushBodies
{
    public static byte[] Agent(string customerToken, IReadOnlyList<AgentPushMessage> messages) =>
        Serialize(new ReplyPush<IReadOnlyList<AgentPushMessage>>(customerToken, "agent", messages));

    public static byte[] Robot(string customerToken, RobotPushMessage message) =>
        Serialize(new ReplyPush<IReadOnlyList<RobotPushMessage>>(customerToken, "robot", [message]));

    /// <summary>urobot <c>messages</c> is a single object, as the spec shows it.</summary>
    public static byte[] Urobot(string customerToken, UrobotPushMessage message) =>
        Serialize(new ReplyPush<UrobotPushMessage>(customerToken, "urobot", message));

    public static byte[] ReadStatus(long sessionId, IReadOnlyList<string> messageIds) =>
        Serialize(new ReadStatusPush(sessionId, messageIds));

    private static byte[] Serialize<T>(T body) => JsonSerializer.SerializeToUtf8Bytes(body, Wire.SimulatorJson.Wire);

    private sealed record ReplyPush<TMessages>(
        [property: JsonPropertyName("customer_token")] string CustomerToken,
        [property: JsonPropertyName("assign_type")] string AssignType,
        [property: JsonPropertyName("messages")] TMessages Messages);

    private sealed record ReadStatusPush(
        [property: JsonPropertyName("session_id")] long SessionId,
        [property: JsonPropertyName("message_ids")] IReadOnlyList<string> MessageIds);
}
