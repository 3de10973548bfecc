namespace Orchestrator.Udesk.Messages;

/// <summary>
/// Where a customer message goes: the spec overloads <c>im_sub_session_id</c> for this
/// (a session id, 0 robot, -1 urobot, -2 IM workbench, -3 while queued).
/// </summary>
public abstract record MessageTarget
{
    public abstract long ImSubSessionId { get; }

    /// <summary>The agent session Udesk assigned.</summary>
    public sealed record AgentSession(long SessionId) : MessageTarget
    {
        public override long ImSubSessionId => SessionId;
    }

    public sealed record Robot : MessageTarget
    {
        public override long ImSubSessionId => 0;
    }

    public sealed record Urobot(long RobotId, long SceneId, long? UrobotSessionId) : MessageTarget
    {
        public override long ImSubSessionId => -1;
    }

    /// <summary>A message for the IM workbench, optionally asking for an agent or group.</summary>
    public sealed record Workbench(long? AgentId = null, long? GroupId = null) : MessageTarget
    {
        public override long ImSubSessionId => -2;
    }

    public sealed record Queued : MessageTarget
    {
        public override long ImSubSessionId => -3;
    }
}
