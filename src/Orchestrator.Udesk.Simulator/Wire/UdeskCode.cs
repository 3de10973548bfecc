namespace Orchestrator.Udesk.Simulator.Wire;

/// <summary>The business codes the simulator answers with (udesk-notes.md), always in an HTTP 200.</summary>
internal static class UdeskCode
{
    public const int Success = 1000;
    public const int Queued = 2001;
    public const int NoAgentOnline = 2002;
    public const int InvalidSignature = 2059;

    /// <summary>Preview: session not found or closed. Elsewhere: missing parameter, IM auth failed, not found.</summary>
    public const int SessionClosedOrMissingParameter = 2062;

    public const int InterfaceNotActivated = 2065;
    public const int SessionNotFound = 9200;
    public const int GroupNotFound = 11012;
    public const int RobotSessionNotFound = 19200;
    public const int MissingParameters = 22062;
}
