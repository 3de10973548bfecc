using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.World;

/// <summary>A customer's urobot conversation: its answers (by <c>logId</c>) and the ratings it received.</summary>
internal sealed class UrobotSession(long id, CustomerRecord customer, UrobotOptions robot, SceneOptions scene)
{
    public long Id { get; } = id;

    public CustomerRecord Customer { get; } = customer;

    public UrobotOptions Robot { get; } = robot;

    public SceneOptions Scene { get; } = scene;

    public List<long> LogIds { get; } = [];

    /// <summary>Everything the customer reported: ratings, clicks, flow choices, transfer statistics.</summary>
    public List<string> Feedback { get; } = [];

    public UrobotSessionView View() => new(Id, Customer.Token, Robot.Id, Scene.Id, LogIds.ToList());
}
