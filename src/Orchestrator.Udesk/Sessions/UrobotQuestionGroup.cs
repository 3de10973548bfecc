using System.Text.Json.Serialization;
using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.Sessions;

/// <summary>An urobot "common questions" group (<c>topAsk</c>); field names keep Udesk's spelling.</summary>
public sealed record UrobotQuestionGroup : UdeskObject
{
    [JsonPropertyName("quesitionType")]
    public string? QuestionType { get; init; }

    [JsonPropertyName("quesitionTypeId")]
    public long? QuestionTypeId { get; init; }

    [JsonPropertyName("optionsList")]
    public IReadOnlyList<UrobotQuestion>? Options { get; init; }
}

public sealed record UrobotQuestion : UdeskObject
{
    [JsonPropertyName("quesition")]
    public string? Question { get; init; }

    [JsonPropertyName("quesitionId")]
    public long? QuestionId { get; init; }
}
