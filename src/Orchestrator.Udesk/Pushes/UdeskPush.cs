namespace Orchestrator.Udesk.Pushes;

/// <summary>What Udesk POSTs to the Receiving Message URL.</summary>
public abstract record UdeskPush;

/// <summary>Replies and events for one customer, in the order they must be applied.</summary>
public sealed record ReplyNotification(string CustomerToken, string AssignType, IReadOnlyList<PushedMessage> Messages) : UdeskPush;

/// <summary>The agent read these customer messages.</summary>
public sealed record ReadStatusNotification(long SessionId, IReadOnlyList<string> MessageIds) : UdeskPush;
