namespace Orchestrator.Udesk.Simulator.World;

/// <summary>Why the world refused an Open API request: the business code Udesk answers and its message.</summary>
internal sealed record Refusal(int Code, string Message);
