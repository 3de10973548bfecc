using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Status;

/// <summary><c>GET /im/customer_status</c>: 0 no session, 1 in session, 2 in queue, 3 invalid customer.</summary>
public sealed record CustomerStatus : UdeskResponse
{
    public int? StatusCode { get; init; }

    public string? Status { get; init; }
}
