using System.Text.Json.Nodes;

namespace Orchestrator.Udesk.Simulator.World;

/// <summary>
/// <c>POST /im/messages</c> as read from the wire. <see cref="ImSubSessionId"/> says where it goes: a session id,
/// 0 or none the robot, -1 the urobot, -2 the IM workbench, -3 the queue.
/// </summary>
internal sealed record CustomerMessage(
    string CustomerToken,
    long? ImSubSessionId,
    string? MessageId,
    string Type,
    JsonObject Data,
    long? RobotId,
    long? SceneId,
    long? UrobotSessionId,
    long? AgentId)
{
    public string Text => Data["content"]?.ToString() ?? "";
}
