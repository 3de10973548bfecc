using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Robots;

/// <summary><c>GET /im/urobots</c>: the urobots and their scenes (ids for sessions and messages).</summary>
public sealed record UrobotListResponse : UdeskResponse
{
    public IReadOnlyList<Urobot>? UrobotList { get; init; }
}

public sealed record Urobot : UdeskObject
{
    public long Id { get; init; }

    public string? Name { get; init; }

    public string? Logo { get; init; }

    public IReadOnlyList<UrobotScene>? SceneList { get; init; }

    public UdeskTimestamp? CreatedAt { get; init; }
}

public sealed record UrobotScene : UdeskObject
{
    public long Id { get; init; }

    public string? Name { get; init; }
}
