using System.Text.Json.Serialization;
using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.Pushes;

/// <summary>A reply of Udesk's knowledge-base robot (<c>assign_type = robot</c>).</summary>
public sealed record RobotReplyMessage : PushedMessage
{
    public string? Type { get; init; }

    public string? MessageId { get; init; }

    public RobotAnswer? Data { get; init; }

    // Overrides do not inherit the base's [JsonIgnore]: without it these would be written as invented fields.
    [JsonIgnore]
    public override string? Id => MessageId;

    [JsonIgnore]
    public override string Kind => KindOf(Type);
}

public sealed record RobotAnswer : UdeskObject
{
    /// <summary>0 for small talk; otherwise a knowledge-base question whose usefulness can be rated.</summary>
    public long? QuestionId { get; init; }

    public string? QuestionTitle { get; init; }

    public string? Answer { get; init; }

    /// <summary>Guidance questions.</summary>
    public IReadOnlyList<RobotQuestion>? GusList { get; init; }

    public IReadOnlyList<RobotQuestion>? RelateList { get; init; }

    public RobotLink? ThirdUrl { get; init; }
}

public sealed record RobotQuestion : UdeskObject
{
    public string? QuestionTitle { get; init; }
}

public sealed record RobotLink : UdeskObject
{
    public string? Url { get; init; }
}
