using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.World;

/// <summary><c>POST /im/sessions</c> as read from the wire: agent_id beats group_id beats assign_type.</summary>
internal sealed record SessionRequest(string CustomerToken, string? AssignType, long? AgentId, long? GroupId, string? Channel, long? RobotId, long? SceneId);

/// <summary>What a session request came to.</summary>
internal abstract record SessionOutcome
{
    public sealed record Robot(RobotOptions Options) : SessionOutcome;

    public sealed record Urobot(UrobotSession Session, long LogId) : SessionOutcome;

    /// <summary>An agent session; <see cref="Fresh"/> when this request started it, not when it was already open.</summary>
    public sealed record Agent(AgentSession Session, bool Fresh) : SessionOutcome;

    public sealed record Queued(int Position, string QueueName) : SessionOutcome;

    public sealed record NoAgentOnline(string Message) : SessionOutcome;

    public sealed record Refused(Refusal Refusal) : SessionOutcome;
}
