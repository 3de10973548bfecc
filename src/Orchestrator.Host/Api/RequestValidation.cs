using Orchestrator.Udesk.Sessions;
using Orchestrator.Conversations.Domain;
using Orchestrator.Host.Api.Contracts;
using Orchestrator.Udesk.Messages;

namespace Orchestrator.Host.Api;

/// <summary>Checks platform input before it reaches a conversation, naming the offending field.</summary>
internal static class RequestValidation
{
    public const int MaxTokenLength = 256;
    public const int MaxMessageIdLength = 128;

    public static IResult? Token(string token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength
            ? Problems.Result(Problems.Invalid("token", $"The customer token must be 1 to {MaxTokenLength} characters."))
            : null;

    /// <summary>The feed's and streams' <c>include</c>: absent, or <c>internal</c> for agent-only and bookkeeping events.</summary>
    public static IResult? Include(string? include) =>
        include is not (null or "internal") ? Problems.Result(Problems.Invalid("include", "include may only be 'internal'.")) : null;

    public static IResult? Session(SessionRequestBody? body)
    {
        if (body is null)
        {
            return Problems.Result(Problems.Invalid("body", "A JSON body is required."));
        }

        if (body.AssignType is not null && !AssignTypeText.TryParse(body.AssignType, out _))
        {
            return Problems.Result(Problems.Invalid("assign_type", "assign_type must be robot, urobot or agent."));
        }

        if (AssignTypeOf(body) == AssignType.Urobot && body.AgentId is null && body.GroupId is null && (body.RobotId is null || body.SceneId is null))
        {
            return Problems.Result(Problems.Invalid(body.RobotId is null ? "robot_id" : "scene_id", "robot_id and scene_id are required when assign_type is urobot."));
        }

        return null;
    }

    public static IResult? Message(MessageBody? body)
    {
        if (body is null)
        {
            return Problems.Result(Problems.Invalid("body", "A JSON body is required."));
        }

        if (string.IsNullOrWhiteSpace(body.MessageId) || body.MessageId.Length > MaxMessageIdLength)
        {
            return Problems.Result(Problems.Invalid("message_id", $"message_id is required, at most {MaxMessageIdLength} characters; it makes the message idempotent."));
        }

        if (body.Type is null || !MessageType.Sendable.Contains(body.Type))
        {
            return Problems.Result(Problems.Invalid("type", $"type must be one of: {string.Join(", ", MessageType.Sendable.Order())}."));
        }

        if (body.Data is null || string.IsNullOrEmpty(body.Data.Content))
        {
            return Problems.Result(Problems.Invalid("data.content", "data.content is required (the text, or the file's URL)."));
        }

        if (body.To is not (null or MessageDestinations.Workbench))
        {
            return Problems.Result(Problems.Invalid("to", $"to may only be '{MessageDestinations.Workbench}' (omit it to route by the conversation's state)."));
        }

        if (body.To is null && (body.AgentId is not null || body.GroupId is not null))
        {
            return Problems.Result(Problems.Invalid(body.AgentId is not null ? "agent_id" : "group_id", $"agent_id and group_id address a workbench message: they need to = '{MessageDestinations.Workbench}'."));
        }

        return null;
    }

    public static SessionRequest ToDomain(this SessionRequestBody body) => new()
    {
        AssignType = AssignTypeOf(body),
        AgentId = body.AgentId,
        GroupId = body.GroupId,
        RobotId = body.RobotId,
        SceneId = body.SceneId,
        Channel = body.Channel,
        RobotRoleId = body.RobotRoleId,
    };

    public static MessagePayload ToDomain(this MessageData data) => new()
    {
        Content = data.Content,
        Font = data.Font,
        Filename = data.Filename,
        Filesize = data.Filesize,
        Duration = data.Duration,
    };

    /// <summary>Udesk's default is the robot.</summary>
    private static AssignType AssignTypeOf(SessionRequestBody body) =>
        AssignTypeText.TryParse(body.AssignType, out var assignType) ? assignType : AssignType.Robot;

    /// <summary>Where a message body's <c>to</c> may send it.</summary>
    public static class MessageDestinations
    {
        public const string Workbench = "workbench";
    }
}
