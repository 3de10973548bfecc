using System.Globalization;
using System.Text.Json;
using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.Pushes;

/// <summary>
/// Reads a body POSTed to the Receiving Message URL. It never throws, and never rejects a batch that names a customer:
/// Udesk resends anything not answered 200, so one odd message must not hold back the replies beside it.
/// <list type="bullet">
/// <item>The customer is <c>customer_token</c> (a string or number), else <c>web_token</c> (Udesk's H5 offline push).
/// Without a usable one (missing, blank, not valid Unicode) the body is an <see cref="UnattributablePush"/>, as is a
/// body that is not JSON, not an object, or of no known shape (the spec's bare urobot message has no envelope).</item>
/// <item><c>assign_type</c> is read in any case and trimmed; missing or unknown, it is inferred from the messages'
/// shape: camelCase <c>sessionId</c>/<c>logId</c>/<c>ansContent</c> → urobot; <c>data.answer</c>/<c>data.question_id</c>
/// → robot; otherwise agent.</item>
/// <item><c>messages</c> is an array, or a single object (urobot). Each item becomes one <see cref="PushedMessage"/>,
/// an <see cref="UnreadableMessage"/> (kept as its bytes) where it cannot be read or holds text that is not valid
/// Unicode; so readable messages' <see cref="PushedMessage.Raw"/> can always be written again.</item>
/// <item><c>{session_id, message_ids}</c> is a <see cref="ReadStatusNotification"/>.</item>
/// </list>
/// </summary>
public static class UdeskPushParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static UdeskPush Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            return new UnattributablePush($"The body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    private static UdeskPush Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new UnattributablePush($"The body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object.");
        }

        if (SafeJson.Find(root, "messages"u8) is { } messages)
        {
            return ParseReply(root, messages);
        }

        if (SafeJson.Find(root, "session_id"u8) is { } sessionId && SafeJson.Find(root, "message_ids"u8) is { } messageIds)
        {
            return ParseReadStatus(sessionId, messageIds);
        }

        return new UnattributablePush(AssignTypeReader.LooksLikeUrobot(root)
            ? "The body is a bare urobot message (as the spec prints it) without the customer_token and messages around it, so it names no customer."
            : "The body has neither messages nor session_id and message_ids.");
    }

    private static UdeskPush ParseReply(JsonElement root, JsonElement messages)
    {
        var customerToken = UsableToken(SafeJson.Find(root, "customer_token"u8)) ?? UsableToken(SafeJson.Find(root, "web_token"u8));
        if (customerToken is null)
        {
            return new UnattributablePush("Neither customer_token nor web_token is a usable token (a non-blank string of valid Unicode, or a number).");
        }

        IReadOnlyList<JsonElement> items = messages.ValueKind switch
        {
            JsonValueKind.Array => messages.EnumerateArray().ToList(),
            JsonValueKind.Null => [],
            // urobot sends a single object; anything else is kept as one unreadable message rather than lost.
            _ => [messages],
        };
        var assignType = AssignTypeReader.Read(SafeJson.Find(root, "assign_type"u8), items);
        return new ReplyNotification(customerToken, assignType, items.Select(item => PushedMessageReader.Read(assignType, item)).ToList());
    }

    private static string? UsableToken(JsonElement? token) => SafeJson.TextOf(token) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static UdeskPush ParseReadStatus(JsonElement sessionId, JsonElement messageIds) =>
        long.TryParse(SafeJson.TextOf(sessionId)?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var session)
        && TryReadIds(messageIds, out var ids)
            ? new ReadStatusNotification(session, ids)
            : new UnattributablePush("A read-status push needs session_id as a whole number and message_ids as a list of strings or numbers.");

    private static bool TryReadIds(JsonElement messageIds, out List<string> ids)
    {
        ids = [];
        if (messageIds.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in messageIds.EnumerateArray())
        {
            if (SafeJson.TextOf(item) is not { } id)
            {
                return false;
            }

            ids.Add(id);
        }

        return true;
    }
}
