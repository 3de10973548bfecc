namespace Orchestrator.Conversations.Outbox;

/// <summary>Order in which waiting calls get the company's budget: customer messages first, status queries last.</summary>
public enum CallPriority
{
    CustomerMessage = 0,
    Session = 1,
    Preview = 2,
    Query = 3,
}
