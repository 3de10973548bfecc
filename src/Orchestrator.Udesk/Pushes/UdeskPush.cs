namespace Orchestrator.Udesk.Pushes;

/// <summary>What Udesk POSTs to the Receiving Message URL, as read by <see cref="UdeskPushParser"/>.</summary>
public abstract record UdeskPush;
