namespace Orchestrator.Udesk.Simulator.World;

/// <summary>
/// The effects the world made for one customer (<c>GET /_sim/effects</c>, <see cref="SimulatorWorld.Effects"/>):
/// sessions created at the customer's request (agent sessions given at once or later from the queue, robot and
/// urobot sessions; transfers are the agent's doing and are not listed), customer messages stored per
/// <c>message_id</c> with how many times each was stored, structured messages sent, urobot transfer surveys counted,
/// sessions closed by <c>DELETE im/sessions/{id}</c> and queues left by <c>DELETE im/sessions/close_queue</c>.
/// </summary>
public sealed record CustomerEffectsView(
    IReadOnlyList<CreatedSessionView> SessionsCreated,
    IReadOnlyDictionary<string, int> CustomerMessages,
    int StructuredMessages,
    int TransferSurveys,
    IReadOnlyList<long> Closes,
    IReadOnlyList<string> QueueAbandons)
{
    public static CustomerEffectsView None { get; } = new([], new Dictionary<string, int>(), 0, 0, [], []);
}

/// <summary>A session created for a customer; <see cref="Id"/> is null for the knowledge-base robot, which has none.</summary>
public sealed record CreatedSessionView(long? Id, string AssignType);
