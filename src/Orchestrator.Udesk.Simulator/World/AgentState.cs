using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.World;

/// <summary>An agent as the world tracks it; <see cref="Load"/> counts its open sessions.</summary>
internal sealed class AgentState(AgentOptions seed)
{
    public long Id { get; } = seed.Id;

    public string Name { get; } = seed.Name;

    public string Nick { get; } = seed.Nick;

    public string DisplayName => string.IsNullOrEmpty(Nick) ? Name : Nick;

    public string Avatar { get; } = seed.Avatar;

    public string WelcomeMessage { get; } = seed.WelcomeMessage;

    public IReadOnlyList<long> GroupIds { get; } = seed.GroupIds.ToList();

    public ImStatus Status { get; set; } = ImStatusNames.Parse(seed.Status);

    public string CustomStatus { get; set; } = "";

    public int Capacity { get; set; } = seed.Capacity;

    public int Load { get; set; }

    /// <summary>Only online agents with a free place take new customers; busy agents keep theirs.</summary>
    public bool CanTakeCustomer => Status == ImStatus.Online && Load < Capacity;

    public AgentView View() => new(Id, Name, Nick, Avatar, Status, CustomStatus, Capacity, Load, GroupIds);
}
