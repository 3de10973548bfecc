namespace Orchestrator.Udesk.Simulator.World;

/// <summary>An agent's IM status, written <c>online</c>, <c>busy</c>, <c>offline</c> on the wire.</summary>
public enum ImStatus
{
    Online,
    Busy,
    Offline,
}

internal static class ImStatusNames
{
    public static string Wire(ImStatus status) => status switch
    {
        ImStatus.Online => "online",
        ImStatus.Busy => "busy",
        _ => "offline",
    };

    public static ImStatus Parse(string text) => TryParse(text, out var status)
        ? status
        : throw new ArgumentException($"Agent status must be online, busy or offline, not '{text}'.", nameof(text));

    public static bool TryParse(string? text, out ImStatus status)
    {
        status = text?.Trim().ToLowerInvariant() switch
        {
            "online" => ImStatus.Online,
            "busy" => ImStatus.Busy,
            "offline" => ImStatus.Offline,
            _ => (ImStatus)(-1),
        };
        return Enum.IsDefined(status);
    }
}
