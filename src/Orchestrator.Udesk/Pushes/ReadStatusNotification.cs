namespace Orchestrator.Udesk.Pushes;

/// <summary>The agent read these customer messages.</summary>
public sealed record ReadStatusNotification(long SessionId, IReadOnlyList<string> MessageIds) : UdeskPush;
