using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Simulator.Pushes;

/// <summary>
/// A message or event from the agent side, in the spec's agent push format. <see cref="Data"/> is what the
/// type carries: <c>content</c> (and <c>font</c>, file details), or <c>close_type</c> and <c>survey_options</c>.
/// </summary>
internal sealed record AgentPushMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("agent_id")] long AgentId,
    [property: JsonPropertyName("agent_name")] string AgentName,
    [property: JsonPropertyName("agent_avatar")] string AgentAvatar,
    [property: JsonPropertyName("im_sub_session_id")] long ImSubSessionId,
    [property: JsonPropertyName("message_created_at")] string MessageCreatedAt,
    [property: JsonPropertyName("data")] JsonObject Data)
{
    /// <summary>Pushed in odd but real shapes (the <c>OddShapesRate</c> quirk); its message id is then all digits.</summary>
    [JsonIgnore]
    public bool OddShape { get; init; }
}
