using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Customers;

public sealed record CustomerResponse : UdeskResponse
{
    public Customer? Customer { get; init; }
}
