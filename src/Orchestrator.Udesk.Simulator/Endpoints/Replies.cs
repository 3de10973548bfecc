using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Endpoints;

/// <summary>The answers shared by the endpoints.</summary>
internal static class Replies
{
    /// <summary>Success, or the world's refusal.</summary>
    public static UdeskReply From(Refusal? refusal, params (string Name, System.Text.Json.Nodes.JsonNode? Value)[] fields) =>
        refusal is null ? UdeskReply.Success(fields) : UdeskReply.Error(refusal.Code, refusal.Message);

    /// <summary>The answer when any of <paramref name="names"/> is absent or unreadable, else null.</summary>
    public static UdeskReply? Missing(int code, params (string Name, object? Value)[] parameters)
    {
        var missing = parameters.Where(p => p.Value is null || (p.Value is string s && string.IsNullOrWhiteSpace(s))).Select(p => p.Name).ToList();
        return missing.Count == 0 ? null : UdeskReply.Error(code, $"Missing parameters: {string.Join(", ", missing)}.");
    }

    public static UdeskReply Feedback(Refusal? refusal) => From(refusal, ("message", "Thank you for your feedback"));
}
