namespace Orchestrator.Udesk.Simulator.World;

/// <summary>A customer waiting for <see cref="Target"/>, in the queue named <see cref="QueueName"/>.</summary>
internal sealed class QueueEntry(long sequence, CustomerRecord customer, QueueTarget target, string queueName, string channel, DateTimeOffset enqueuedAt)
{
    /// <summary>Global arrival order: the longest-waiting customer an agent can serve is served first.</summary>
    public long Sequence { get; } = sequence;

    public CustomerRecord Customer { get; } = customer;

    public QueueTarget Target { get; } = target;

    public string QueueName { get; } = queueName;

    public string Channel { get; } = channel;

    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

    /// <summary>Messages sent while queued (<c>im_sub_session_id = -3</c>), handed to the agent on assignment.</summary>
    public List<string> PendingMessageIds { get; } = [];
}

/// <summary>Who a customer asked for: one agent, a group, or anyone by the system's rule.</summary>
internal abstract record QueueTarget
{
    public abstract bool Accepts(AgentState agent);

    public sealed record Agent(long AgentId) : QueueTarget
    {
        public override bool Accepts(AgentState agent) => agent.Id == AgentId;
    }

    public sealed record Group(long GroupId) : QueueTarget
    {
        public override bool Accepts(AgentState agent) => agent.GroupIds.Contains(GroupId);
    }

    public sealed record Anyone : QueueTarget
    {
        public override bool Accepts(AgentState agent) => true;
    }
}
