namespace Orchestrator.Udesk.Customers;

/// <summary>The body of customer creation and update: the customer, and comma-separated tags.</summary>
public sealed record CustomerRequest(Customer Customer)
{
    public string? Tags { get; init; }
}
