using System.Text.Json.Serialization;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Surveys;

namespace Orchestrator.Udesk.Sessions;

/// <summary>
/// <c>assign_info</c> of a session answer. Its fields depend on <c>assign_type</c>: robot (snake_case),
/// urobot (camelCase), agent (session, queue and survey); all are optional here and read per type.
/// </summary>
public sealed record AssignInfo : UdeskObject
{
    // robot
    public string? RobotName { get; init; }

    public string? RobotAvatar { get; init; }

    public string? WelcomeMessage { get; init; }

    /// <summary>Udesk's spelling.</summary>
    public string? UnknowMessage { get; init; }

    // urobot
    [JsonPropertyName("sessionId")]
    public long? SessionId { get; init; }

    [JsonPropertyName("logId")]
    public long? LogId { get; init; }

    [JsonPropertyName("robotName")]
    public string? UrobotName { get; init; }

    [JsonPropertyName("logoUrl")]
    public string? LogoUrl { get; init; }

    [JsonPropertyName("leadingWord")]
    public string? LeadingWord { get; init; }

    [JsonPropertyName("helloWord")]
    public string? HelloWord { get; init; }

    [JsonPropertyName("topAsk")]
    public IReadOnlyList<UrobotQuestionGroup>? TopAsk { get; init; }

    // agent
    public long? ImSubSessionId { get; init; }

    /// <summary>Queue position; 0 when assigned or while the assignment is in progress.</summary>
    public int? Count { get; init; }

    public string? Queue { get; init; }

    public long? AgentId { get; init; }

    public string? AgentName { get; init; }

    public string? AgentAvatar { get; init; }

    [JsonConverter(typeof(SurveyOptionsConverter))]
    public SurveyOptions? SurveyOptions { get; init; }
}
