using System.Text.Json;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Pushes;

/// <summary>
/// Reads a body POSTed to the Receiving Message URL. Malformed input gives an
/// <see cref="UdeskErrorKind.InvalidResponse"/> error naming what is wrong; it never throws.
/// </summary>
public static class UdeskPushParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static UdeskResult<UdeskPush> Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            return Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            return Invalid($"The push is not valid JSON: {e.Message}");
        }
    }

    public static UdeskResult<UdeskPush> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid("The push must be a JSON object.");
        }

        try
        {
            if (root.TryGetProperty("messages", out var messages))
            {
                return ParseReply(root, messages);
            }

            if (root.TryGetProperty("session_id", out _) && root.TryGetProperty("message_ids", out _))
            {
                var status = root.Deserialize<ReadStatusBody>(UdeskJson.Options)!;
                return status.SessionId is { } session && status.MessageIds is { } ids
                    ? UdeskResult<UdeskPush>.Success(new ReadStatusNotification(session, ids))
                    : Invalid("A read-status push needs session_id and message_ids.");
            }

            return Invalid("The push has neither messages nor session_id and message_ids.");
        }
        catch (JsonException e)
        {
            return Invalid($"The push does not have the expected shape: {e.Message}");
        }
    }

    /// <summary>Reads one message in the format of <paramref name="assignType"/>.</summary>
    public static PushedMessage ParseMessage(string assignType, JsonElement message)
    {
        PushedMessage? parsed = assignType switch
        {
            "robot" => message.Deserialize<RobotReplyMessage>(UdeskJson.Options),
            "urobot" => message.Deserialize<UrobotReplyMessage>(UdeskJson.Options),
            _ => message.Deserialize<AgentReplyMessage>(UdeskJson.Options),
        };
        return (parsed ?? throw new JsonException("A message is null.")) with { Raw = message.Clone() };
    }

    private static UdeskResult<UdeskPush> ParseReply(JsonElement root, JsonElement messages)
    {
        // A string, or a number read as its text; an object or array is not a token (ToString would give its JSON).
        var customerToken = root.TryGetProperty("customer_token", out var token) && token.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? token.ToString()
            : "";
        if (string.IsNullOrWhiteSpace(customerToken))
        {
            return Invalid("customer_token is required.");
        }

        var assignType = root.TryGetProperty("assign_type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : "";
        if (assignType is not ("robot" or "urobot" or "agent"))
        {
            return Invalid($"assign_type must be robot, urobot or agent, not '{assignType}'.");
        }

        // urobot sends a single object where the others send an array.
        IEnumerable<JsonElement> items = messages.ValueKind switch
        {
            JsonValueKind.Array => messages.EnumerateArray(),
            JsonValueKind.Object => [messages],
            _ => throw new JsonException("messages must be an array or an object."),
        };

        var parsed = new List<PushedMessage>();
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return Invalid($"messages[{parsed.Count}] must be an object.");
            }

            parsed.Add(ParseMessage(assignType, item));
        }

        return UdeskResult<UdeskPush>.Success(new ReplyNotification(customerToken, assignType, parsed));
    }

    private static UdeskResult<UdeskPush> Invalid(string message) =>
        UdeskResult<UdeskPush>.Failure(new UdeskError(UdeskErrorKind.InvalidResponse, message));

    private sealed record ReadStatusBody(long? SessionId, IReadOnlyList<string>? MessageIds);
}
