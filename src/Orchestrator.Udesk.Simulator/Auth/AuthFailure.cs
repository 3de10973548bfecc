namespace Orchestrator.Udesk.Simulator.Auth;

/// <summary>Why a request was not authenticated: Udesk's business code and a message naming the reason.</summary>
public sealed record AuthFailure(int Code, string Message);
