using System.Text.Json.Nodes;

namespace Orchestrator.Udesk.Simulator.Control;

// Bodies of the control API (snake_case on the wire); every field is optional unless its route says otherwise.

/// <summary><c>PUT /_sim/agents/{id}</c>.</summary>
internal sealed record AgentChange(string? Status, int? Capacity, string? CustomStatus);

/// <summary><c>POST /_sim/sessions/{id}/reply</c>: <see cref="Data"/> as sent, or just a <see cref="Content"/>.</summary>
internal sealed record AgentReplyRequest(string? Type, string? Content, JsonObject? Data);

/// <summary><c>POST /_sim/sessions/{id}/transfer</c>: an agent, or a group whose freest agent takes over.</summary>
internal sealed record TransferRequest(long? AgentId, long? GroupId);

/// <summary><c>POST /_sim/sessions/{id}/close</c>.</summary>
internal sealed record CloseRequest(string? CloseType, bool? Survey);

/// <summary><c>PUT /_sim/push</c>: null stops pushing.</summary>
internal sealed record PushUrlRequest(Uri? Url);

/// <summary><c>POST /_sim/reset</c>: a seed to start the new run from, else the current one.</summary>
internal sealed record ResetRequest(int? Seed);
