using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Sessions;

/// <summary>Who a session is requested from: Udesk's robot, the Udesk "urobot", or a human agent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssignType>))]
public enum AssignType
{
    [JsonStringEnumMemberName("robot")]
    Robot,

    [JsonStringEnumMemberName("urobot")]
    Urobot,

    [JsonStringEnumMemberName("agent")]
    Agent,
}
