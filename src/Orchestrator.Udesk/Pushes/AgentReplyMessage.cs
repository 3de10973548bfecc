using System.Text.Json.Serialization;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Surveys;

namespace Orchestrator.Udesk.Pushes;

/// <summary>
/// A message or event from the agent side (<c>assign_type = agent</c>): text and media, and the events
/// <c>start_session</c>, <c>transfer</c> (carries the new <c>im_sub_session_id</c>), <c>close</c>, ...
/// </summary>
public sealed record AgentReplyMessage : PushedMessage
{
    public string? Type { get; init; }

    public string? MessageId { get; init; }

    public long? AgentId { get; init; }

    public string? AgentName { get; init; }

    public string? AgentAvatar { get; init; }

    public long? ImSubSessionId { get; init; }

    public UdeskTimestamp? MessageCreatedAt { get; init; }

    [JsonConverter(typeof(AgentMessageDataConverter))]
    public AgentMessageData? Data { get; init; }

    // Overrides do not inherit the base's [JsonIgnore]: without it these would be written as invented fields.
    [JsonIgnore]
    public override string? Id => MessageId;

    [JsonIgnore]
    public override string Kind => KindOf(Type);
}

/// <summary>The <c>data</c> of an agent-side message: content for messages, close details for <c>close</c>.</summary>
public sealed record AgentMessageData : UdeskObject
{
    public string? Content { get; init; }

    public string? Font { get; init; }

    public string? Filename { get; init; }

    public string? Filesize { get; init; }

    /// <summary>Seconds (audio); a fraction is rounded.</summary>
    public int? Duration { get; init; }

    /// <summary><c>close</c> only: <c>normal</c>, <c>redirect</c> or <c>force</c>.</summary>
    public string? CloseType { get; init; }

    [JsonConverter(typeof(SurveyOptionsConverter))]
    public SurveyOptions? SurveyOptions { get; init; }
}
