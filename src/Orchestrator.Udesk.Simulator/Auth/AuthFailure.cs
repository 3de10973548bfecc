namespace Orchestrator.Udesk.Simulator.Auth;

/// <summary>
/// Why a request was not authenticated: Udesk's business code and a message naming the reason.
/// <see cref="ByQuirk"/> when a correct signature was refused on purpose (<c>SignatureRefusalRate</c>).
/// </summary>
public sealed record AuthFailure(int Code, string Message, bool ByQuirk = false);
