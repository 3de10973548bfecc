using Orchestrator.Udesk.Messages;
using Orchestrator.Udesk.StructuredMessages;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>Turns spec request bodies into the client's request models where the wire body is flattened or private.</summary>
internal static class SpecRequestBodies
{
    /// <summary>The inverse of <see cref="SendMessageBody.From"/>: the spec overloads im_sub_session_id to say where a message goes.</summary>
    public static SendMessageRequest ToRequest(SendMessageBody body) =>
        new(body.CustomerToken, Target(body), body.MessageId, body.Data) { Type = body.Type };

    private static MessageTarget Target(SendMessageBody body) => body.ImSubSessionId switch
    {
        0 => new MessageTarget.Robot(),
        -1 => new MessageTarget.Urobot(body.RobotId ?? 0, body.SceneId ?? 0, body.UrobotSessionId),
        -2 => new MessageTarget.Workbench(body.AgentId, body.GroupId),
        -3 => new MessageTarget.Queued(),
        var session => new MessageTarget.AgentSession(session),
    };
}

/// <summary>The body of <c>POST /im/sessions/struct_messages</c> (private in the client); the ids travel in the query.</summary>
internal sealed record StructuredMessageBody(string? JidResource, StructuredMessage Data);
