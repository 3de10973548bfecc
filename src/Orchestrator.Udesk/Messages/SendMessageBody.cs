namespace Orchestrator.Udesk.Messages;

/// <summary>The wire body of <c>POST /im/messages</c>: the target flattened into the spec's fields.</summary>
internal sealed record SendMessageBody(
    string CustomerToken,
    long ImSubSessionId,
    string MessageId,
    string Type,
    MessageContent Data,
    long? RobotId,
    long? SceneId,
    long? UrobotSessionId,
    long? AgentId,
    long? GroupId)
{
    public static SendMessageBody From(SendMessageRequest request)
    {
        var urobot = request.Target as MessageTarget.Urobot;
        var workbench = request.Target as MessageTarget.Workbench;
        return new SendMessageBody(
            request.CustomerToken,
            request.Target.ImSubSessionId,
            request.MessageId,
            request.Type,
            request.Data,
            urobot?.RobotId,
            urobot?.SceneId,
            urobot?.UrobotSessionId,
            workbench?.AgentId,
            workbench?.GroupId);
    }
}
