using System.Text.Json;
using Orchestrator.Udesk.Pushes;

namespace Orchestrator.Conversations.Domain;

/// <summary>Turns the parser's reading of a pushed batch into what the conversation decides on.</summary>
public static class PushedItems
{
    public static IReadOnlyList<PushedItem> From(ReplyNotification batch) => batch.Messages.Select(From).ToList();

    public static PushedItem From(PushedMessage message) => message switch
    {
        UnreadableMessage unreadable => new PushedItem.Unreadable(unreadable.MessageId, unreadable.RawUtf8, unreadable.Reason),
        AgentReplyMessage agent => new PushedItem.Readable(
            agent.Id, agent.Kind, agent.IsCustomerVisible, agent.ImSubSessionId is { } session ? new SessionId(session) : null, new AgentInfo(agent.AgentId, agent.AgentName, agent.AgentAvatar),
            agent.Data?.CloseType, SurveyOptionsAsSent(agent.Raw), agent.Raw),
        _ => new PushedItem.Readable(message.Id, message.Kind, message.IsCustomerVisible, null, null, null, null, message.Raw),
    };

    /// <summary><c>data.survey_options</c> exactly as Udesk wrote it (the typed reading drops fields the platform may want).</summary>
    private static JsonElement? SurveyOptionsAsSent(JsonElement raw) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("survey_options", out var survey) && survey.ValueKind == JsonValueKind.Object
            ? survey
            : null;
}
