namespace Orchestrator.Udesk.Sessions;

/// <summary><see cref="AssignType"/> as Udesk and our platform API write it: <c>robot</c>, <c>urobot</c>, <c>agent</c>.</summary>
public static class AssignTypeText
{
    /// <summary>Reads the name whatever its case and surrounding blanks ("Agent", " ROBOT ").</summary>
    public static bool TryParse(string? text, out AssignType assignType)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "robot":
                assignType = AssignType.Robot;
                return true;
            case "urobot":
                assignType = AssignType.Urobot;
                return true;
            case "agent":
                assignType = AssignType.Agent;
                return true;
            default:
                assignType = default;
                return false;
        }
    }

    public static string Name(this AssignType assignType) => assignType switch
    {
        AssignType.Urobot => "urobot",
        AssignType.Agent => "agent",
        _ => "robot",
    };
}
