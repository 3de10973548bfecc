using Orchestrator.Udesk.Simulator.Pushes;

namespace Orchestrator.Udesk.Simulator.World;

/// <summary>A customer's session with an agent (<c>im_sub_session_id</c>).</summary>
internal sealed class AgentSession(long id, CustomerRecord customer, AgentState agent, long? groupId, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public CustomerRecord Customer { get; } = customer;

    public AgentState Agent { get; } = agent;

    public long? GroupId { get; } = groupId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public bool Open { get; private set; } = true;

    /// <summary><c>normal</c>, <c>redirect</c>, <c>force</c>; <c>transfer</c> when continued by another session; <c>silent</c> when Udesk closed it without a push.</summary>
    public string? CloseType { get; private set; }

    public long? TransferredTo { get; private set; }

    public string Preview { get; set; } = "";

    /// <summary>Customer messages in order; the flag says whether the agent has read each one.</summary>
    public List<(string MessageId, bool ReadByAgent)> CustomerMessages { get; } = [];

    public List<AgentPushMessage> AgentMessages { get; } = [];

    /// <summary>Agent messages sent while the customer was offline and not yet marked read.</summary>
    public List<AgentPushMessage> UnreadByCustomer { get; } = [];

    public long? SurveyOptionId { get; set; }

    public void Close(string closeType, long? transferredTo = null)
    {
        Open = false;
        CloseType = closeType;
        TransferredTo = transferredTo;
    }

    public SessionView View() => new(
        Id,
        Customer.Token,
        Customer.Id,
        Agent.Id,
        GroupId,
        Open,
        CloseType,
        TransferredTo,
        Preview,
        CustomerMessages.Select(m => m.MessageId).ToList(),
        AgentMessages.Select(m => m.MessageId).ToList(),
        UnreadByCustomer.Select(m => m.MessageId).ToList(),
        CustomerMessages.Count(m => !m.ReadByAgent),
        SurveyOptionId);
}
