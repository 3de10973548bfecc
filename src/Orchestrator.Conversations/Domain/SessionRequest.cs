namespace Orchestrator.Conversations.Domain;

/// <summary>
/// What the platform asked for. <see cref="AgentId"/> beats <see cref="GroupId"/> beats <see cref="AssignType"/>
/// (robot, urobot or agent); urobot needs <see cref="RobotId"/> and <see cref="SceneId"/>.
/// </summary>
public sealed record SessionRequest
{
    public string AssignType { get; init; } = "robot";

    public long? AgentId { get; init; }

    public long? GroupId { get; init; }

    public string? Channel { get; init; }

    public string? RobotRoleId { get; init; }

    public long? RobotId { get; init; }

    public long? SceneId { get; init; }
}
