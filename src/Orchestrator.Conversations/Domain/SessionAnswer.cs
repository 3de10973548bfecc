using System.Text.Json;

namespace Orchestrator.Conversations.Domain;

/// <summary>Udesk's answer to a session request, reduced to what the conversation needs.</summary>
public sealed record SessionAnswer(SessionAnswerKind Kind)
{
    public string? Message { get; init; }

    public SessionId? ImSubSessionId { get; init; }

    public AgentInfo? Agent { get; init; }

    public string? QueueName { get; init; }

    public int Position { get; init; }

    public long? UrobotSessionId { get; init; }

    public string? Welcome { get; init; }

    public JsonElement? SurveyOptions { get; init; }

    /// <summary>Robot and urobot: Udesk's <c>assign_info</c> as sent (robot name and avatar, unknown-answer text, urobot <c>topAsk</c>, <c>logoUrl</c>, …).</summary>
    public JsonElement? Greeting { get; init; }
}

public enum SessionAnswerKind
{
    Robot,
    Urobot,
    Agent,
    Queued,
    AssignmentInProgress,
    NoAgentOnline,
}
