using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Configuration;

/// <summary><c>POST /log_in</c>: exchanges the admin password for the open-api token.</summary>
public sealed record LogInResponse : UdeskResponse
{
    public string? OpenApiAuthToken { get; init; }
}
