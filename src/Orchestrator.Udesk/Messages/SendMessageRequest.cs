namespace Orchestrator.Udesk.Messages;

/// <summary>
/// A customer message for <c>POST /im/messages</c>. <see cref="MessageId"/> is unique per company and may
/// contain only letters, digits, '_' and '-'; Udesk uses it to drop repeats.
/// </summary>
public sealed record SendMessageRequest(string CustomerToken, MessageTarget Target, string MessageId, MessageContent Data)
{
    /// <summary>One of <see cref="MessageType.Sendable"/>; the robot takes only <see cref="MessageType.Text"/>.</summary>
    public string Type { get; init; } = MessageType.Text;
}
