using Orchestrator.Udesk.Sessions;

namespace Orchestrator.Udesk.Pushes;

/// <summary>
/// Replies and events for one customer, in the order they must be applied: one entry per item Udesk sent, an
/// <see cref="UnreadableMessage"/> where an item could not be read.
/// </summary>
public sealed record ReplyNotification(string CustomerToken, AssignType AssignType, IReadOnlyList<PushedMessage> Messages) : UdeskPush;
