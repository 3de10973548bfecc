using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Simulator.Pushes;

/// <summary>A urobot answer, in the spec's urobot push format: camelCase and no message type.</summary>
internal sealed record UrobotPushMessage(
    [property: JsonPropertyName("sessionId")] long SessionId,
    [property: JsonPropertyName("logId")] long LogId,
    [property: JsonPropertyName("aid")] long Aid,
    [property: JsonPropertyName("ansContent")] string AnsContent,
    [property: JsonPropertyName("ansType")] int AnsType)
{
    [JsonPropertyName("hitQuestion")]
    public string? HitQuestion { get; init; }

    [JsonPropertyName("suggestQuestionList")]
    public IReadOnlyList<UrobotSuggestion>? SuggestQuestionList { get; init; }

    [JsonPropertyName("flowId")]
    public long? FlowId { get; init; }

    [JsonPropertyName("flowTitle")]
    public string? FlowTitle { get; init; }

    [JsonPropertyName("flowContent")]
    public string? FlowContent { get; init; }
}

internal sealed record UrobotSuggestion(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("type")] int Type);

/// <summary>The spec's <c>ansType</c> values.</summary>
internal static class UrobotAnswerType
{
    public const int Answer = 1;
    public const int AnswerAndSuggestions = 2;
    public const int Suggestions = 3;
    public const int Greeting = 4;
    public const int Unknown = 6;
    public const int SensitiveWords = 8;
}
