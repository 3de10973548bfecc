using System.Text.Json;
using Orchestrator.Conversations.Domain;

namespace Orchestrator.Host.Api.Contracts;

/// <summary>A conversation as the platform sees it (<c>GET /v1/conversations/{token}</c>).</summary>
public sealed record ConversationView(
    string CustomerToken,
    string State,
    long? ImSubSessionId,
    IReadOnlyList<long> PreviousSessionIds,
    AgentView? Agent,
    QueueView? Queue,
    long? RobotId,
    long? SceneId,
    long? UrobotSessionId,
    long LastSeq,
    DateTimeOffset? LastEventAt,
    string? CloseType,
    JsonElement? SurveyOptions,
    int PendingUdeskCalls)
{
    public static ConversationView Of(string customerToken, ConversationState state) => new(
        customerToken,
        state.Status.ToString().ToLowerInvariant(),
        state.ImSubSessionId?.Value,
        state.PreviousSessionIds.Select(s => s.Value).ToList(),
        state.Agent is { } agent ? new AgentView(agent.Id, agent.Name, agent.Avatar) : null,
        state.Queue is { } queue ? new QueueView(queue.Name, queue.Position) : null,
        state.RobotId,
        state.SceneId,
        state.UrobotSessionId,
        state.Seq,
        state.LastEventAt,
        state.CloseType,
        state.SurveyOptions,
        state.Outbox.Count);
}

public sealed record AgentView(long? Id, string? Name, string? Avatar);

public sealed record QueueView(string? Name, int Position);
