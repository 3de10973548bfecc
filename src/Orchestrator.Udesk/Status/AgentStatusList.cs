using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Status;

/// <summary><c>GET /im/agent_status</c>: every agent (or a group's) with their IM status.</summary>
public sealed record AgentStatusList : UdeskResponse
{
    public IReadOnlyList<AgentStatus>? Agents { get; init; }
}

public sealed record AgentStatus : UdeskObject
{
    public long Id { get; init; }

    public string? Name { get; init; }

    /// <summary>Shown to customers; falls back to <see cref="Name"/> when empty. The example spells it <c>im_nick</c>.</summary>
    public string? Nick { get; init; }

    public string? ImNick { get; init; }

    public string? Avatar { get; init; }

    /// <summary><c>online</c>, <c>busy</c> or <c>offline</c>.</summary>
    public string? ImStatus { get; init; }

    public string? ImCustomStatus { get; init; }

    public int? ImSessionNum { get; init; }

    public int? ImMaxJoinNum { get; init; }

    public string DisplayName => !string.IsNullOrEmpty(Nick) ? Nick : !string.IsNullOrEmpty(ImNick) ? ImNick : Name ?? "";
}
