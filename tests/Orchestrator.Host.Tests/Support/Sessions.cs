using System.Text.Json.Nodes;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Host.Tests.Support;

/// <summary>Brings a conversation into a state through the platform API, as a platform would.</summary>
public static class Sessions
{
    public const long Tom = 397;

    /// <summary>An agent session with Tom; answers the conversation view.</summary>
    public static async Task<JsonObject> WithAgent(this HostedUdesk host, string token)
    {
        var customer = new PlatformApi(host.Http, token);
        if (await customer.State() is { } existing && existing.Str("state") == "agent")
        {
            return existing;
        }

        await PlatformApi.Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "agent", ["agent_id"] = Tom }));
        return (await customer.StateWhere(s => s.Str("state") == "agent", "agent session"))!;
    }

    /// <summary>A urobot session with the default urobot and scene; answers the conversation view.</summary>
    public static async Task<JsonObject> WithUrobot(this HostedUdesk host, string token)
    {
        var customer = new PlatformApi(host.Http, token);
        await PlatformApi.Accepted(customer.RequestSession(new JsonObject
        {
            ["assign_type"] = "urobot",
            ["robot_id"] = DefaultWorld.UrobotId,
            ["scene_id"] = DefaultWorld.SceneId,
        }));
        return (await customer.StateWhere(s => s.Str("state") == "urobot" && s["urobot_session_id"] is not null, "urobot session"))!;
    }

    /// <summary>A knowledge-base robot session; answers the conversation view.</summary>
    public static async Task<JsonObject> WithRobot(this HostedUdesk host, string token)
    {
        var customer = new PlatformApi(host.Http, token);
        await PlatformApi.Accepted(customer.RequestSession(new JsonObject { ["assign_type"] = "robot" }));
        return (await customer.StateWhere(s => s.Str("state") == "robot", "robot session"))!;
    }
}
