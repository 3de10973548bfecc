namespace Orchestrator.Udesk.Sessions;

/// <summary>
/// <c>POST /im/sessions</c>. <see cref="AgentId"/> overrides <see cref="AssignType"/> and <see cref="GroupId"/>;
/// <see cref="GroupId"/> overrides <see cref="AssignType"/>; urobot needs <see cref="RobotId"/> and <see cref="SceneId"/>.
/// </summary>
public sealed record CreateSessionRequest(string CustomerToken)
{
    public AssignType? AssignType { get; init; }

    public long? AgentId { get; init; }

    public long? GroupId { get; init; }

    public string? Channel { get; init; }

    public string? RobotRoleId { get; init; }

    public long? RobotId { get; init; }

    public long? SceneId { get; init; }
}
