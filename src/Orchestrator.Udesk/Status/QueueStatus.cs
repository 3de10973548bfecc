using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Status;

/// <summary><c>GET /im/queue_status</c>: 'In queue', 'Not in queue', 'In session' or 'Assigning', and the position.</summary>
public sealed record QueueStatus : UdeskResponse
{
    public string? Status { get; init; }

    public int? Count { get; init; }
}
