namespace Orchestrator.Udesk.Pushes;

/// <summary>A body that cannot be attributed to any conversation (not JSON, no usable customer token, unknown shape).</summary>
public sealed record UnattributablePush(string Reason) : UdeskPush;
