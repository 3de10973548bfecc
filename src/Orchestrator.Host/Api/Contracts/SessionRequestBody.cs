namespace Orchestrator.Host.Api.Contracts;

/// <summary>Body of <c>POST /v1/conversations/{token}/session</c>.</summary>
public sealed record SessionRequestBody(
    string? AssignType = null,
    long? AgentId = null,
    long? GroupId = null,
    long? RobotId = null,
    long? SceneId = null,
    string? Channel = null,
    string? RobotRoleId = null);
