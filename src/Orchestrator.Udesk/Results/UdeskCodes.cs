namespace Orchestrator.Udesk.Results;

/// <summary>Udesk's business codes (udesk-notes.md). Several codes mean different things on different endpoints.</summary>
public static class UdeskCodes
{
    public const int Success = 1000;

    /// <summary>Create session: queued (<c>assign_info.count</c> = position) or assignment in progress (count 0).</summary>
    public const int Queued = 2001;

    /// <summary>Create session: no agent online. Elsewhere: invalid subdomain.</summary>
    public const int NoAgentOnline = 2002;

    public const int InvalidSignature = 2059;

    /// <summary>Preview: session not found or closed. Elsewhere: missing parameter or IM authentication failed.</summary>
    public const int SessionNotFoundOrMissingParameter = 2062;

    public const int InterfaceNotActivated = 2065;
    public const int SessionNotFound = 9200;
    public const int GroupNotFound = 11012;
    public const int RobotSessionNotFound = 19200;
    public const int MissingParameters = 22062;

    /// <summary>The session a call named no longer exists at Udesk (closed, or replaced by a transfer).</summary>
    public static bool MeansSessionGone(int? code) => code is SessionNotFound or RobotSessionNotFound;
}
