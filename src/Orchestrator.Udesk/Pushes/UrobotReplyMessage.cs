using System.Globalization;
using System.Text.Json.Serialization;
using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.Pushes;

/// <summary>A reply of the Udesk "urobot" (<c>assign_type = urobot</c>): camelCase, and no message type.</summary>
public sealed record UrobotReplyMessage : PushedMessage
{
    [JsonPropertyName("sessionId")]
    public long? SessionId { get; init; }

    /// <summary>The id of this answer: rate it with <c>answer_survey</c>, report clicks with <c>hit</c>.</summary>
    [JsonPropertyName("logId")]
    public long? LogId { get; init; }

    [JsonPropertyName("aid")]
    public long? AnswerId { get; init; }

    [JsonPropertyName("ansContent")]
    public string? AnswerContent { get; init; }

    /// <summary>1 answer, 2 answer and suggestions, 3 suggestions, 4 greeting, 6 unknown, 8 sensitive words.</summary>
    [JsonPropertyName("ansType")]
    public int? AnswerType { get; init; }

    [JsonPropertyName("hitQuestion")]
    public string? HitQuestion { get; init; }

    [JsonPropertyName("suggestQuestionList")]
    public IReadOnlyList<UrobotSuggestion>? SuggestQuestionList { get; init; }

    [JsonPropertyName("flowId")]
    public long? FlowId { get; init; }

    [JsonPropertyName("flowTitle")]
    public string? FlowTitle { get; init; }

    /// <summary>HTML whose <c>data-type="2"</c> items are flow choices for <c>/im/messages/flow</c>.</summary>
    [JsonPropertyName("flowContent")]
    public string? FlowContent { get; init; }

    // Overrides do not inherit the base's [JsonIgnore]: without it these would be written as invented fields.
    [JsonIgnore]
    public override string? Id => LogId?.ToString(CultureInfo.InvariantCulture);

    [JsonIgnore]
    public override string Kind => Messages.MessageType.Text;
}

public sealed record UrobotSuggestion : UdeskObject
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("type")]
    public int? Type { get; init; }
}
