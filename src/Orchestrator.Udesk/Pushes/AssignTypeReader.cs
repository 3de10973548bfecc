using System.Text.Json;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Sessions;

namespace Orchestrator.Udesk.Pushes;

/// <summary>
/// The <c>assign_type</c> of a reply notification: as declared (any case, trimmed), or, when missing or unknown
/// (Udesk's H5 offline push sends none), inferred from the messages' shape: camelCase <c>sessionId</c>/<c>logId</c>/
/// <c>ansContent</c> is the urobot; <c>data.answer</c>/<c>data.question_id</c> is the knowledge-base robot; anything
/// else is an agent.
/// </summary>
internal static class AssignTypeReader
{
    public static AssignType Read(JsonElement? declared, IReadOnlyList<JsonElement> messages) =>
        AssignTypeText.TryParse(SafeJson.TextOf(declared), out var assignType) ? assignType
            : messages.Any(LooksLikeUrobot) ? AssignType.Urobot
            : messages.Any(LooksLikeRobot) ? AssignType.Robot
            : AssignType.Agent;

    public static bool LooksLikeUrobot(JsonElement message) =>
        SafeJson.Find(message, "sessionId"u8) is not null
        || SafeJson.Find(message, "logId"u8) is not null
        || SafeJson.Find(message, "ansContent"u8) is not null;

    private static bool LooksLikeRobot(JsonElement message) =>
        SafeJson.Find(message, "data"u8) is { } data
        && (SafeJson.Find(data, "answer"u8) is not null || SafeJson.Find(data, "question_id"u8) is not null);
}
