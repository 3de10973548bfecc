namespace Orchestrator.Udesk.Status;

/// <summary>What <c>GET /im/queue_status</c>'s <c>status</c> says, read once: 'In queue', 'Not in queue', 'In session', 'Assigning'.</summary>
public enum QueueState
{
    /// <summary>A status this client does not know (or none).</summary>
    Unknown,
    InQueue,
    NotInQueue,
    InSession,
    Assigning,
}

public static class QueueStateText
{
    /// <summary>Reads Udesk's words whatever their case and surrounding blanks.</summary>
    public static QueueState Read(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "in queue" => QueueState.InQueue,
        "not in queue" => QueueState.NotInQueue,
        "in session" => QueueState.InSession,
        "assigning" => QueueState.Assigning,
        _ => QueueState.Unknown,
    };
}
