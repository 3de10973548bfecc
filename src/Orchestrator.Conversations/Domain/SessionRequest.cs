using System.Text.Json.Serialization;
using Orchestrator.Udesk.Sessions;

namespace Orchestrator.Conversations.Domain;

/// <summary>
/// What the platform asked for. <see cref="AgentId"/> beats <see cref="GroupId"/> beats <see cref="AssignType"/>
/// (robot, urobot or agent); urobot needs <see cref="RobotId"/> and <see cref="SceneId"/>.
/// </summary>
public sealed record SessionRequest
{
    public AssignType AssignType { get; init; } = AssignType.Robot;

    public long? AgentId { get; init; }

    public long? GroupId { get; init; }

    public string? Channel { get; init; }

    public string? RobotRoleId { get; init; }

    /// <summary>A human: <c>agent_id</c> or <c>group_id</c> beat <c>assign_type</c> at Udesk.</summary>
    [JsonIgnore]
    public bool WantsAgent => AssignType == AssignType.Agent || AgentId is not null || GroupId is not null;

    public long? RobotId { get; init; }

    public long? SceneId { get; init; }
}
